package com.collectionledger.api.query;

/** A page of the buckets of a namespace by name; answers a {@link BucketPage}. */
public record ListBucketsQuery(String namespaceId, int offset, int limit) {
}
