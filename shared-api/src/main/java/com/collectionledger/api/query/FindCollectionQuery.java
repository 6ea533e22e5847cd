package com.collectionledger.api.query;

/** A live collection of a namespace by ID or name; answers an {@code Optional<CollectionView>}. */
public record FindCollectionQuery(String namespaceId, String identifier) {
}
