package com.collectionledger.service.rest.model;

/**
 * The pagination block of a list response (Mixpeek's PaginationResponse). Pages count from 1;
 * {@code next_page} and {@code previous_page} are page numbers as strings, as that schema types them,
 * or null; {@code next_cursor} is an opaque token for the next page, or null on the last.
 */
public record Pagination(long total, int page, int pageSize, long totalPages, String nextPage,
                         String previousPage, String nextCursor) {

    public static Pagination of(long total, int offset, int limit) {
        int page = offset / limit + 1;
        long totalPages = (total + limit - 1) / limit;
        boolean hasNext = (long) offset + limit < total; // in long: near Integer.MAX_VALUE the sum overflowed
        return new Pagination(total, page, limit, totalPages, hasNext ? String.valueOf(page + 1) : null,
                page > 1 ? String.valueOf(page - 1) : null, hasNext ? Cursors.encode(offset + limit) : null);
    }
}
