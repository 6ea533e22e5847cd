package com.collectionledger.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the views' timestamp columns hold them: to the microsecond, which H2 and PostgreSQL
 * both keep, cut rather than rounded by the store. A list filter with an instant read from a
 * response (nanoseconds and all) then compares with the stored value exactly.
 */
public final class ViewTimestamps {

    private ViewTimestamps() {
    }

    public static Timestamp of(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
