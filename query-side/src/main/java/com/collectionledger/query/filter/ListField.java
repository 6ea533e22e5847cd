package com.collectionledger.query.filter;

/**
 * One field a list filters on: a column of the view's table, or (when {@code column} is null) a path
 * whose values the projections keep in {@code view_field_value}, one row per value.
 * {@code lowerCase}: every stored value is lower-case (catalog names), so a case-insensitive
 * comparison lower-cases only the value asked for, and the column's index still serves it.
 */
public record ListField(String name, FieldType type, String column, boolean lowerCase) {

    public boolean indexed() {
        return column == null;
    }
}
