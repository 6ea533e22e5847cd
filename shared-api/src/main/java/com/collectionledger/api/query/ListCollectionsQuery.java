package com.collectionledger.api.query;

/** A page of the live collections of a namespace that meet {@code criteria}; answers a {@link CollectionPage}. */
public record ListCollectionsQuery(String namespaceId, ListCriteria criteria, int offset, int limit) {

    public ListCollectionsQuery {
        criteria = criteria == null ? ListCriteria.none() : criteria;
    }
}
