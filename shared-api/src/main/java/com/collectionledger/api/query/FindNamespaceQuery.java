package com.collectionledger.api.query;

/** A namespace by ID or name; answers an {@code Optional<NamespaceView>}. */
public record FindNamespaceQuery(String identifier) {
}
