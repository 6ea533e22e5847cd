package com.collectionledger.query.filter;

/** What a filter field holds, and so which values and operators a condition on it may have. */
enum FieldType {
    STRING, BOOLEAN, INTEGER,
    /** An instant; a condition gives it as an ISO-8601 string. */
    TIMESTAMP,
    /** A metadata value: a string, a number or a boolean, whichever the stored value is. */
    ANY;

    String inWords() {
        return switch (this) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case INTEGER -> "an integer";
            case TIMESTAMP -> "an ISO-8601 date-time";
            case ANY -> "a string, a number or a boolean";
        };
    }
}
