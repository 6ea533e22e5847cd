package com.collectionledger.api.query;

/** A page of namespaces by name; answers a {@link NamespacePage}. */
public record ListNamespacesQuery(int offset, int limit) {
}
