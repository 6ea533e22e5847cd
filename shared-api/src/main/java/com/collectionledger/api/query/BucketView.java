package com.collectionledger.api.query;

import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.Map;

public record BucketView(String bucketId, String namespaceId, String bucketName, String description,
                         ObjectSchema bucketSchema, Map<String, Object> metadata, Instant createdAt,
                         Instant updatedAt) {
}
