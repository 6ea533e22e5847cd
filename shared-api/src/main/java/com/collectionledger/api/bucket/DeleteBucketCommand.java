package com.collectionledger.api.bucket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteBucketCommand(@TargetAggregateIdentifier String bucketId, String namespaceId) {
}
