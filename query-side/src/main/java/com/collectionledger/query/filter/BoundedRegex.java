package com.collectionledger.query.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code regex} operator on H2, as the SQL function {@code ledger_regex_matches(text, pattern,
 * case_sensitive)}. Java's regex engine backtracks, and some patterns take exponential time on some
 * values; this one gives up after {@link #MAX_STEPS} character reads of one value, and the list
 * answers 422 instead of holding a thread. (PostgreSQL's engine does not backtrack like this.)
 */
public final class BoundedRegex {

    static final String SQL_FUNCTION = "ledger_regex_matches";
    static final long MAX_STEPS = 1_000_000;
    private static final int MAX_CACHED = 256;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private BoundedRegex() {
    }

    /** Thrown through H2 when a pattern needs too many steps; the list maps it to a 422. */
    public static final class TooCostly extends RuntimeException {
        private final String pattern;

        TooCostly(String pattern) {
            super("regex needs too many steps", null, false, false);
            this.pattern = pattern;
        }

        public String pattern() {
            return pattern;
        }
    }

    /** Whether {@code pattern} matches somewhere in {@code text}; null when {@code text} is null. */
    public static Boolean matches(String text, String pattern, Boolean caseSensitive) {
        if (text == null || pattern == null) {
            return null;
        }
        boolean exactCase = !Boolean.FALSE.equals(caseSensitive);
        return compiled(pattern, exactCase).matcher(new CountedText(text, pattern)).find();
    }

    private static Pattern compiled(String pattern, boolean exactCase) {
        if (PATTERNS.size() > MAX_CACHED) {
            PATTERNS.clear();
        }
        // DOTALL and Unicode classes: as PostgreSQL reads . and \w \d \s.
        int flags = Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS
                | (exactCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return PATTERNS.computeIfAbsent((exactCase ? "c:" : "i:") + pattern, key -> Pattern.compile(pattern, flags));
    }

    /** The text, counting the reads of the matcher. */
    private static final class CountedText implements CharSequence {
        private final String text;
        private final String pattern;
        private long steps;

        CountedText(String text, String pattern) {
            this.text = text;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if (++steps > MAX_STEPS) {
                throw new TooCostly(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
