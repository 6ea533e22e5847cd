package com.collectionledger.query.filter;

import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.query.support.ViewTimestamps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ListFilter} as a SQL condition on the view's table (alias {@code t}). Field names become
 * columns and paths through {@link ListFields} only; every value is a bound parameter, added to
 * {@link #args} in the order of the placeholders. Every condition is TRUE or FALSE, never NULL, so
 * that NOT means "does not hold" also where a value is missing.
 */
final class FilterSql {

    private static final String ESCAPE = " ESCAPE '\\'";

    private final ListFields<?> fields;
    private final SqlDialect dialect;
    private final List<Object> args;

    FilterSql(ListFields<?> fields, SqlDialect dialect, List<Object> args) {
        this.fields = fields;
        this.dialect = dialect;
        this.args = args;
    }

    String of(ListFilter filter) {
        if (filter instanceof Group group) {
            return group(group);
        }
        return condition((Condition) filter);
    }

    private String group(Group group) {
        List<String> parts = new ArrayList<>();
        for (ListFilter child : group.children()) {
            parts.add(of(child));
        }
        if (parts.isEmpty()) {
            return "1 = 1";
        }
        return switch (group.logic()) {
            case AND -> "(" + String.join(" AND ", parts) + ")";
            case OR -> "(" + String.join(" OR ", parts) + ")";
            // Mixpeek's NOT: all of its conditions must be false.
            case NOT -> "NOT (" + String.join(" OR ", parts) + ")";
        };
    }

    private String condition(Condition condition) {
        ListField field = fields.resolve(condition.field())
                .orElseThrow(() -> new IllegalArgumentException("not a filter field: " + condition.field()));
        return field.indexed() ? indexed(field, condition) : column(field, condition);
    }

    // ---------------------------------------------------------------------------------------------
    // A column of the view's table

    private String column(ListField field, Condition condition) {
        String column = "t." + field.column();
        Object value = condition.value();
        boolean folded = field.type() == FieldType.STRING && !condition.caseSensitive();
        String left = folded && !field.lowerCase() ? "LOWER(" + column + ")" : column;
        String right = folded ? "LOWER(?)" : "?";
        return switch (condition.operator()) {
            case EXISTS -> column + (Boolean.TRUE.equals(value) ? " IS NOT NULL" : " IS NULL");
            case IS_NULL -> column + (Boolean.TRUE.equals(value) ? " IS NULL" : " IS NOT NULL");
            case EQ -> compare(left, "=", right, field, value);
            case NE -> "NOT " + compare(left, "=", right, field, value);
            case GT -> compare(left, ">", right, field, value);
            case GTE -> compare(left, ">=", right, field, value);
            case LT -> compare(left, "<", right, field, value);
            case LTE -> compare(left, "<=", right, field, value);
            case IN -> in(left, right, field, list(value));
            case NIN -> "NOT " + in(left, right, field, list(value));
            case CONTAINS -> like(left, right, FilterValues.likePattern((String) value, true, true), field);
            case STARTS_WITH -> like(left, right, FilterValues.likePattern((String) value, false, true), field);
            case ENDS_WITH -> like(left, right, FilterValues.likePattern((String) value, true, false), field);
            case TEXT -> like("LOWER(" + column + ")", "LOWER(?)", FilterValues.likePattern((String) value, true, true),
                    field);
            case REGEX -> "COALESCE(" + dialect.regexMatches(column, (String) value, condition.caseSensitive(), args)
                    + ", FALSE)";
        };
    }

    private String compare(String left, String operator, String right, ListField field, Object value) {
        args.add(jdbcValue(field.type(), value));
        return notNull(left + " " + operator + " " + right, field);
    }

    private String in(String left, String right, ListField field, List<?> values) {
        if (values.isEmpty()) {
            return "1 = 0";
        }
        values.forEach(value -> args.add(jdbcValue(field.type(), value)));
        return notNull(left + " IN (" + String.join(", ", Collections.nCopies(values.size(), right)) + ")", field);
    }

    private String like(String left, String right, String pattern, ListField field) {
        args.add(pattern);
        return notNull(left + " LIKE " + right + ESCAPE, field);
    }

    /**
     * A comparison of the column with a value (never null here) is NULL only where the column is: with
     * {@code AND column IS NOT NULL} it is FALSE there, and the comparison stays one an index can
     * answer, which it would not be inside {@code COALESCE}.
     */
    private static String notNull(String comparison, ListField field) {
        return "(" + comparison + " AND t." + field.column() + " IS NOT NULL)";
    }

    private static Object jdbcValue(FieldType type, Object value) {
        return switch (type) {
            case INTEGER -> ((Number) value).longValue();
            case TIMESTAMP -> ViewTimestamps.of(FilterValues.instant((String) value)
                    .orElseThrow(() -> new IllegalArgumentException("not an ISO-8601 date-time: " + value)));
            default -> value;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Values in view_field_value: the condition holds when one of the field's values matches

    private String indexed(ListField field, Condition condition) {
        Object value = condition.value();
        boolean exactCase = condition.caseSensitive();
        return switch (condition.operator()) {
            case EXISTS -> (Boolean.TRUE.equals(value) ? "" : "NOT ") + anyValue(field, null);
            case IS_NULL -> (Boolean.TRUE.equals(value) ? "NOT " : "") + anyValue(field, null);
            case EQ -> anyValue(field, () -> equal(value, exactCase));
            case NE -> "NOT " + anyValue(field, () -> equal(value, exactCase));
            case IN -> anyValue(field, () -> among(list(value), exactCase));
            case NIN -> "NOT " + anyValue(field, () -> among(list(value), exactCase));
            case GT -> anyValue(field, () -> order(">", value, exactCase));
            case GTE -> anyValue(field, () -> order(">=", value, exactCase));
            case LT -> anyValue(field, () -> order("<", value, exactCase));
            case LTE -> anyValue(field, () -> order("<=", value, exactCase));
            case CONTAINS -> anyValue(field, () -> textLike((String) value, true, true, exactCase));
            case STARTS_WITH -> anyValue(field, () -> textLike((String) value, false, true, exactCase));
            case ENDS_WITH -> anyValue(field, () -> textLike((String) value, true, false, exactCase));
            case TEXT -> anyValue(field, () -> textLike((String) value, true, true, false));
            case REGEX -> anyValue(field, () -> dialect.regexMatches("f.text_value", (String) value, exactCase, args));
        };
    }

    /** EXISTS a value at the field's path (that meets {@code predicate}, when there is one). */
    private String anyValue(ListField field, java.util.function.Supplier<String> predicate) {
        args.add(field.name());
        String sql = "EXISTS (SELECT 1 FROM view_field_value f WHERE f.owner_id = t." + fields.idColumn()
                + " AND f.path = ?";
        return predicate == null ? sql + ")" : sql + " AND " + predicate.get() + ")";
    }

    private String equal(Object value, boolean exactCase) {
        if (value instanceof String text && !exactCase && FilterValues.wholeInKey(text)) {
            args.add(FilterValues.key(text));
            // Equal keys, when one is not cut, are equal lower-cased values: the index decides alone.
            return "f.text_key = ?";
        }
        if (value instanceof String text) {
            args.add(FilterValues.key(text));
            args.add(exactCase ? text : FilterValues.lower(text));
            // The key narrows by the index, the full value decides.
            return "f.text_key = ? AND " + (exactCase ? "f.text_value" : "f.text_lower") + " = ?";
        }
        args.add(value instanceof Number number ? (Object) number.doubleValue() : value);
        return value instanceof Number ? "f.number_value = ?" : "f.boolean_value = ?";
    }

    private String among(List<?> values, boolean exactCase) {
        List<String> texts = values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        List<Double> numbers = values.stream().filter(Number.class::isInstance)
                .map(number -> ((Number) number).doubleValue()).toList();
        List<?> booleans = values.stream().filter(Boolean.class::isInstance).toList();
        List<String> parts = new ArrayList<>();
        if (!texts.isEmpty() && !exactCase && texts.stream().allMatch(FilterValues::wholeInKey)) {
            texts.forEach(text -> args.add(FilterValues.key(text)));
            parts.add("f.text_key IN (" + placeholders(texts.size()) + ")");
        } else if (!texts.isEmpty()) {
            texts.forEach(text -> args.add(FilterValues.key(text)));
            texts.forEach(text -> args.add(exactCase ? text : FilterValues.lower(text)));
            parts.add("(f.text_key IN (" + placeholders(texts.size()) + ") AND "
                    + (exactCase ? "f.text_value" : "f.text_lower") + " IN (" + placeholders(texts.size()) + "))");
        }
        if (!numbers.isEmpty()) {
            args.addAll(numbers);
            parts.add("f.number_value IN (" + placeholders(numbers.size()) + ")");
        }
        if (!booleans.isEmpty()) {
            args.addAll(booleans);
            parts.add("f.boolean_value IN (" + placeholders(booleans.size()) + ")");
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
    }

    private String order(String operator, Object value, boolean exactCase) {
        if (value instanceof String text) {
            args.add(exactCase ? text : FilterValues.lower(text));
            return (exactCase ? "f.text_value " : "f.text_lower ") + operator + " ?";
        }
        args.add(((Number) value).doubleValue());
        return "f.number_value " + operator + " ?";
    }

    private String textLike(String text, boolean anyBefore, boolean anyAfter, boolean exactCase) {
        args.add(FilterValues.likePattern(exactCase ? text : FilterValues.lower(text), anyBefore, anyAfter));
        return (exactCase ? "f.text_value" : "f.text_lower") + " LIKE ?" + ESCAPE;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }
}
