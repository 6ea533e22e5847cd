package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** {@code uniqueKey} may be null (none). */
public record CreateBucketCommand(@TargetAggregateIdentifier String bucketId, String namespaceId, String bucketName,
                                  String description, ObjectSchema bucketSchema, Map<String, Object> metadata,
                                  UniqueKey uniqueKey) {

    public CreateBucketCommand(String bucketId, String namespaceId, String bucketName, String description,
                               ObjectSchema bucketSchema, Map<String, Object> metadata) {
        this(bucketId, namespaceId, bucketName, description, bucketSchema, metadata, null);
    }
}
