package com.collectionledger.api.bucket;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record BucketDeleted(String bucketId, String namespaceId, String bucketName, Instant deletedAt) {
}
