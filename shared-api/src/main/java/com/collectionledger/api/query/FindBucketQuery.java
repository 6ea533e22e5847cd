package com.collectionledger.api.query;

/** A bucket of a namespace by ID or name; answers an {@code Optional<BucketView>}. */
public record FindBucketQuery(String namespaceId, String identifier) {
}
