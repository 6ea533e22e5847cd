package com.collectionledger.query.filter;

import java.util.List;

/** What the two stores spell differently in a list's SQL: regex matching. */
enum SqlDialect {

    /** Java's regex engine, bounded (see {@link BoundedRegex}). */
    H2 {
        @Override
        String regexMatches(String expression, String pattern, boolean caseSensitive, List<Object> args) {
            args.add(pattern);
            args.add(caseSensitive);
            return BoundedRegex.SQL_FUNCTION + "(" + expression + ", ?, ?)";
        }
    },
    POSTGRESQL {
        @Override
        String regexMatches(String expression, String pattern, boolean caseSensitive, List<Object> args) {
            args.add(pattern);
            return expression + (caseSensitive ? " ~ ?" : " ~* ?");
        }
    };

    /** A boolean SQL expression (NULL when the value is NULL); the pattern is bound, never written into the SQL. */
    abstract String regexMatches(String expression, String pattern, boolean caseSensitive, List<Object> args);

    static SqlDialect of(String databaseProductName) {
        return databaseProductName.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}
