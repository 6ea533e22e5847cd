package com.collectionledger.api.query;

/** A page of the buckets of a namespace that meet {@code criteria} (by name unless sorted); answers a {@link BucketPage}. */
public record ListBucketsQuery(String namespaceId, ListCriteria criteria, int offset, int limit) {

    public ListBucketsQuery {
        criteria = criteria == null ? ListCriteria.none() : criteria;
    }
}
