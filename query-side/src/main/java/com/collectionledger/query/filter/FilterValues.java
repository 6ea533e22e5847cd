package com.collectionledger.query.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** How string values are compared and matched, the same way where they are stored and where they are asked for. */
final class FilterValues {

    /** Characters of {@code text_key}: the start of a value that the index holds. */
    static final int KEY_LENGTH = 200;

    private FilterValues() {
    }

    /** Case-insensitive comparisons compare these. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The indexed start of a value, lower-cased: values with equal {@link #lower} have equal keys. */
    static String key(String text) {
        String lower = lower(text);
        if (lower.length() <= KEY_LENGTH) {
            return lower;
        }
        int end = Character.isHighSurrogate(lower.charAt(KEY_LENGTH - 1)) ? KEY_LENGTH - 1 : KEY_LENGTH;
        return lower.substring(0, end);
    }

    /**
     * Whether the key of {@code text} is all of it lower-cased and shorter than any cut key (which has
     * {@code KEY_LENGTH} or, not to split a surrogate pair, one character fewer): then a stored value has
     * this key exactly when it equals {@code text} ignoring case.
     */
    static boolean wholeInKey(String text) {
        return lower(text).length() < KEY_LENGTH - 1;
    }

    /** PostgreSQL text cannot hold U+0000; a stored value keeps its place with U+FFFD (a filter never has NUL). */
    static String storable(String text) {
        return text.replace('\u0000', '\uFFFD');
    }

    /** A LIKE pattern (escape character {@code \}) that matches {@code text} literally, with {@code %} around as asked. */
    static String likePattern(String text, boolean anyBefore, boolean anyAfter) {
        String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (anyBefore ? "%" : "") + literal + (anyAfter ? "%" : "");
    }

    /**
     * An ISO-8601 instant: with an offset ({@code 2026-01-31T12:00:00Z}, {@code ...+02:00}), or a
     * local date-time or date, taken as UTC.
     */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
    }
}
