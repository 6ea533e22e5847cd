package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** Revision 2 added {@code uniqueKey}; a revision 1 event reads it as null (none). */
@Revision("2")
public record BucketCreated(String bucketId, String namespaceId, String bucketName, String description,
                            ObjectSchema bucketSchema, Map<String, Object> metadata, UniqueKey uniqueKey,
                            Instant createdAt) {

    public BucketCreated(String bucketId, String namespaceId, String bucketName, String description,
                         ObjectSchema bucketSchema, Map<String, Object> metadata, Instant createdAt) {
        this(bucketId, namespaceId, bucketName, description, bucketSchema, metadata, null, createdAt);
    }
}
