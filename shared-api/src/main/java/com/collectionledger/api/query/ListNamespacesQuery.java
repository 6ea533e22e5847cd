package com.collectionledger.api.query;

import java.util.List;

/**
 * A page of namespaces by name; answers a {@link NamespacePage}. {@code scope} limits it to
 * namespaces whose ID or name matches one entry ({@code *} matches any characters).
 */
public record ListNamespacesQuery(int offset, int limit, List<String> scope) {

    public ListNamespacesQuery {
        scope = scope == null ? List.of("*") : List.copyOf(scope);
    }
}
