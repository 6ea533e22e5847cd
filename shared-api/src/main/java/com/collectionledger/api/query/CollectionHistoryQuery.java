package com.collectionledger.api.query;

import java.util.List;

/**
 * Every event of one collection (deleted ones too), in order, read from the event store;
 * answers a {@link CollectionHistory}, or null when the namespace has no such collection.
 *
 * @param scope the namespaces the caller may use (IDs, names, patterns with {@code *}): a clone's source
 *              in a namespace outside it is shown by ID only; null shows everything
 */
public record CollectionHistoryQuery(String namespaceId, String identifier, int offset, int limit,
                                     List<String> scope) {

    public CollectionHistoryQuery {
        scope = scope == null ? null : List.copyOf(scope);
    }

    /** A history with no scope restriction, as a service on the bus reads it. */
    public CollectionHistoryQuery(String namespaceId, String identifier, int offset, int limit) {
        this(namespaceId, identifier, offset, limit, null);
    }
}
