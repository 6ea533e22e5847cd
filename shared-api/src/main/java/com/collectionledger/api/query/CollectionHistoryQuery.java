package com.collectionledger.api.query;

/**
 * Every event of one collection (deleted ones too), in order, read from the event store;
 * answers a {@link CollectionHistory}, or null when the namespace has no such collection.
 */
public record CollectionHistoryQuery(String namespaceId, String identifier, int offset, int limit) {
}
