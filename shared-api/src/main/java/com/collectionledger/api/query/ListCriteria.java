package com.collectionledger.api.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What a list request asks for besides the page: {@code filter}, a {@code search} term (a substring of
 * the resource's ID, name or description, and of a template's tags), whether both compare strings
 * with their case, and the sort field (a dotted path; null for the list's default order) and direction.
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

    /** These criteria with {@code conditions} that must hold as well. */
    public ListCriteria and(List<ListFilter> conditions) {
        if (conditions.isEmpty()) {
            return this;
        }
        List<ListFilter> all = new ArrayList<>();
        all.add(filter);
        all.addAll(conditions);
        return new ListCriteria(new ListFilter.Group(ListFilter.Logic.AND, all), search, caseSensitive, sortField,
                descending);
    }
}
