package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** The first event of a bucket cloned, with its namespace, from {@code sourceBucketId} of another namespace. */
@Revision("1")
public record BucketCloned(String bucketId, String sourceBucketId, String namespaceId, String bucketName,
                           String description, ObjectSchema bucketSchema, Map<String, Object> metadata,
                           UniqueKey uniqueKey, Instant clonedAt) {

    /** The creation this clone amounts to, for the handlers that treat both alike. */
    public BucketCreated asCreated() {
        return new BucketCreated(bucketId, namespaceId, bucketName, description, bucketSchema, metadata, uniqueKey,
                clonedAt);
    }
}
