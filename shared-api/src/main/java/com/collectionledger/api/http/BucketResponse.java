package com.collectionledger.api.http;

import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.Map;

/** Mixpeek's BucketResponse. This service holds no objects, so the counts are always 0. */
public record BucketResponse(String bucketId, String bucketName, String description, ObjectSchema bucketSchema,
                             Map<String, Object> metadata, long objectCount, long totalSizeBytes,
                             Instant createdAt, Instant updatedAt) {

    public static BucketResponse from(BucketView view) {
        return new BucketResponse(view.bucketId(), view.bucketName(), view.description(), view.bucketSchema(),
                view.metadata() == null ? Map.of() : view.metadata(), 0, 0, view.createdAt(), view.updatedAt());
    }
}
