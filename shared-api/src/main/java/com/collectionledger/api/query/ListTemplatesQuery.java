package com.collectionledger.api.query;

/**
 * A page of the collection templates of a namespace that meet {@code criteria} (by creation unless
 * sorted); answers a {@link TemplatePage}. ListTemplatesRequest's own {@code scope}, {@code category}
 * and {@code tags} are conditions of the criteria.
 */
public record ListTemplatesQuery(String namespaceId, ListCriteria criteria, int offset, int limit) {

    public ListTemplatesQuery {
        criteria = criteria == null ? ListCriteria.none() : criteria;
    }
}
