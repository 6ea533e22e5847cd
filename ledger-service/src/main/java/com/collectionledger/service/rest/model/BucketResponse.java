package com.collectionledger.service.rest.model;

import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.Map;

/**
 * Mixpeek's BucketResponse. This service holds no objects, so the counts are always 0; a bucket it
 * answers is always {@code ACTIVE} (a deleted one is gone).
 */
public record BucketResponse(String bucketId, String bucketName, String description, ObjectSchema bucketSchema,
                             UniqueKey uniqueKey, Map<String, Object> metadata, long objectCount,
                             long totalSizeBytes, String status, Instant createdAt, Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";

    public static BucketResponse from(BucketView view) {
        return new BucketResponse(view.bucketId(), view.bucketName(), view.description(), view.bucketSchema(),
                view.uniqueKey(), view.metadata() == null ? Map.of() : view.metadata(), 0, 0, ACTIVE,
                view.createdAt(), view.updatedAt());
    }
}
