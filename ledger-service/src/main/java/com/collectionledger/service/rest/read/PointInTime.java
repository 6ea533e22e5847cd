package com.collectionledger.service.rest.read;

import com.collectionledger.api.query.FindCollectionAtQuery;
import com.collectionledger.api.query.FindCollectionQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code ?version=N} or {@code ?as_of=<ISO-8601 instant>}: which query a GET of a collection is. */
final class PointInTime {

    private PointInTime() {
    }

    static Object query(String namespaceId, String identifier, Long version, String asOf) {
        if (version != null && asOf != null) {
            throw PageParameters.invalid("give either version or as_of, not both", "as_of");
        }
        if (version != null) {
            if (version < 0) {
                throw PageParameters.invalid("version must not be negative", "version");
            }
            return new FindCollectionAtQuery(namespaceId, identifier, version, null);
        }
        if (asOf != null) {
            return new FindCollectionAtQuery(namespaceId, identifier, null, instant(asOf));
        }
        return new FindCollectionQuery(namespaceId, identifier);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw PageParameters.invalid("as_of must be an ISO-8601 instant such as 2026-11-28T10:00:00Z", "as_of");
            }
        }
    }
}
