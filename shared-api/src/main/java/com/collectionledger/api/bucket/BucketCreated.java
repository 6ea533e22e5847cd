package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

@Revision("1")
public record BucketCreated(String bucketId, String namespaceId, String bucketName, String description,
                            ObjectSchema bucketSchema, Map<String, Object> metadata, Instant createdAt) {
}
