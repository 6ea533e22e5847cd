package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** A PATCH (or PUT) of a bucket: each non-null field replaces the current value whole; null keeps it. */
public record UpdateBucketCommand(@TargetAggregateIdentifier String bucketId, String namespaceId, String bucketName,
                                  String description, ObjectSchema bucketSchema, Map<String, Object> metadata) {
}
