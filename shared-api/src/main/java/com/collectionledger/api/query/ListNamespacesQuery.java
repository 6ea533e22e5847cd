package com.collectionledger.api.query;

import java.util.List;

/**
 * A page of the namespaces that meet {@code criteria} (by name unless sorted); answers a
 * {@link NamespacePage}. {@code scope} limits it to namespaces whose ID or name matches one entry
 * ({@code *} matches any characters).
 */
public record ListNamespacesQuery(List<String> scope, ListCriteria criteria, int offset, int limit) {

    public ListNamespacesQuery {
        scope = scope == null ? List.of("*") : List.copyOf(scope);
        criteria = criteria == null ? ListCriteria.none() : criteria;
    }
}
