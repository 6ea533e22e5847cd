package com.collectionledger.api.query;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.Map;

public record BucketView(String bucketId, String namespaceId, String bucketName, String description,
                         ObjectSchema bucketSchema, Map<String, Object> metadata, UniqueKey uniqueKey,
                         Instant createdAt, Instant updatedAt) {

    /** The view its creation event makes, for the projection and for answers read from the event store. */
    public static BucketView created(BucketCreated event) {
        return new BucketView(event.bucketId(), event.namespaceId(), event.bucketName(), event.description(),
                event.bucketSchema(), event.metadata(), event.uniqueKey(), event.createdAt(), event.createdAt());
    }

    /** This view after the update. */
    public BucketView updated(BucketUpdated event) {
        return new BucketView(bucketId, namespaceId, event.bucketName(), event.description(), event.bucketSchema(),
                event.metadata(), uniqueKey, createdAt, event.updatedAt());
    }
}
