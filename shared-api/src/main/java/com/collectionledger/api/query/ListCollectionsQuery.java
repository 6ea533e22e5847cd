package com.collectionledger.api.query;

import java.util.Map;

/**
 * A page of the live collections of a namespace. {@code filters} are exact matches on
 * {@link #FILTER_FIELDS}; {@code search} matches a substring of the name or description.
 */
public record ListCollectionsQuery(String namespaceId, Map<String, Object> filters, String search,
                                   boolean caseSensitive, String sortField, boolean descending,
                                   int offset, int limit) {

    public static final java.util.List<String> FILTER_FIELDS = java.util.List.of(
            "collection_id", "collection_name", "enabled", "source_type", "feature_extractor_id",
            "cloned_from", "root_collection_id", "generation");
    public static final java.util.List<String> SORT_FIELDS = java.util.List.of(
            "collection_name", "created_at", "updated_at", "generation");

    public ListCollectionsQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }
}
