package com.collectionledger.api.query;

/**
 * What a list request asks for besides the page: {@code filter}, a {@code search} term (a substring of
 * the resource's ID, name or description), whether both compare strings with their case, and the
 * sort field (a dotted path; null for the list's default order) and direction.
 */
public record ListCriteria(ListFilter filter, String search, boolean caseSensitive, String sortField,
                           boolean descending) {

    public ListCriteria {
        filter = filter == null ? ListFilter.none() : filter;
    }

    /** Everything, in the list's default order. */
    public static ListCriteria none() {
        return new ListCriteria(ListFilter.none(), null, false, null, false);
    }
}
