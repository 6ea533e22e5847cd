package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.collectionledger.service.rest.model.Cursors;
import com.collectionledger.service.rest.model.Pagination;

import java.util.List;
import java.util.Map;

/** {@code limit}, {@code offset} and {@code cursor} of a list route, checked. A cursor wins over an offset. */
record PageParameters(int offset, int limit) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    static PageParameters of(Integer limit, Integer offset, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        int start = offset == null ? 0 : offset;
        if (start < 0) {
            throw invalid("offset must not be negative", "offset");
        }
        if (cursor != null && !cursor.isEmpty()) {
            start = Cursors.decode(cursor).orElseThrow(() -> invalid("cursor is not one this service issued", "cursor"));
        }
        return new PageParameters(start, size);
    }

    /** A 422 about one query parameter; shared by the routes of this package. */
    static LedgerException invalid(String message, String parameter) {
        return new InvalidRequest(List.of(Violation.at(message, "value_error", "query", parameter)));
    }

    /** The list response: {@code {results, pagination, total_count}}. */
    Map<String, Object> response(List<?> results, long total) {
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        response.put("results", results);
        response.put("pagination", Pagination.of(total, offset, limit));
        response.put("total_count", total);
        return response;
    }
}
