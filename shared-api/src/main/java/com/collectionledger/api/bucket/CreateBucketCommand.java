package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public record CreateBucketCommand(@TargetAggregateIdentifier String bucketId, String namespaceId, String bucketName,
                                  String description, ObjectSchema bucketSchema, Map<String, Object> metadata) {
}
