package com.collectionledger.api.query;

import java.util.List;
import java.util.Map;

/**
 * A page of the collection templates of a namespace; answers a {@link TemplatePage}. Every condition
 * given must hold: {@code filters} are exact matches on {@link #FILTER_FIELDS} ({@code tags}: has
 * that tag), {@code search} a case-insensitive substring of the ID, name, description or a tag,
 * {@code tags} all present. Null means no condition.
 */
public record ListTemplatesQuery(String namespaceId, Map<String, Object> filters, String search, String category,
                                 String scope, List<String> tags, String sortField, boolean descending,
                                 int offset, int limit) {

    public static final List<String> FILTER_FIELDS = List.of("template_id", "name", "category", "scope",
            "source_resource_id", "tags");
    public static final List<String> SORT_FIELDS = List.of("name", "created_at", "updated_at", "template_id");

    public ListTemplatesQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
