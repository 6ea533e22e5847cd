package com.collectionledger.command.collection.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one parameter value must be: a subset of JSON Schema, as the catalog publishes it, read from
 * plain values. {@code types} (may hold "null"), {@code constant}, {@code allowed} (enum), {@code minLength},
 * {@code pattern} (with {@code patternDescription} for the message), {@code minimum}, {@code maximum};
 * {@code fields} are the specs of an object value's fields, or null when the spec lists none.
 */
public record ParameterSpec(List<String> types, String constant, List<?> allowed, Number minLength, String pattern,
                            String patternDescription, Number minimum, Number maximum,
                            Map<String, ParameterSpec> fields) {

    private static final Map<String, String> TYPE_NAMES = Map.of("string", "a string", "boolean", "a boolean",
            "integer", "an integer", "number", "a number", "object", "an object", "array", "an array");

    /** The spec a JSON Schema gives as plain values, e.g. {@code {type: integer, minimum: 1}}. */
    public static ParameterSpec of(Map<String, ?> schema) {
        List<String> types = new ArrayList<>();
        if (schema.get("type") instanceof List<?> several) {
            several.forEach(type -> types.add(String.valueOf(type)));
        } else if (schema.containsKey("type")) {
            types.add(String.valueOf(schema.get("type")));
        }
        Map<String, ParameterSpec> fields = null;
        if (schema.containsKey("properties")) {
            fields = new LinkedHashMap<>();
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                for (var field : properties.entrySet()) {
                    fields.put(String.valueOf(field.getKey()), of(asSchema(field.getValue())));
                }
            }
        }
        return new ParameterSpec(List.copyOf(types), text(schema.get("const")),
                schema.get("enum") instanceof List<?> values ? values : null,
                (Number) schema.get("minLength"), text(schema.get("pattern")), text(schema.get("pattern_description")),
                (Number) schema.get("minimum"), (Number) schema.get("maximum"), fields);
    }

    /** What is wrong with {@code value} ("must be a boolean"), or null when it fits. */
    public String problem(Object value) {
        if (value == null) {
            return types.contains("null") ? null : "must not be null";
        }
        List<String> nonNull = types.stream().filter(type -> !type.equals("null")).toList();
        if (nonNull.isEmpty()) {
            return null;
        }
        if (nonNull.size() == 1) {
            return problem(nonNull.get(0), value);
        }
        if (nonNull.stream().anyMatch(type -> problem(type, value) == null)) {
            return null;
        }
        return "must be " + String.join(" or ", nonNull.stream().map(t -> TYPE_NAMES.getOrDefault(t, t)).toList());
    }

    private String problem(String type, Object value) {
        return switch (type) {
            case "string" -> value instanceof String s ? stringProblem(s) : "must be a string";
            case "boolean" -> value instanceof Boolean ? null : "must be a boolean";
            case "object" -> value instanceof Map<?, ?> ? null : "must be an object";
            case "array" -> value instanceof List<?> ? null : "must be an array";
            case "integer", "number" -> numberProblem(type, value);
            default -> null;
        };
    }

    private String stringProblem(String s) {
        if (constant != null && !constant.equals(s)) {
            return "must be '" + constant + "'";
        }
        if (allowed != null) {
            return allowed.stream().anyMatch(a -> String.valueOf(a).equals(s)) ? null
                    : "must be one of " + JsonText.of(allowed).orElse(String.valueOf(allowed));
        }
        int length = s.codePointCount(0, s.length());
        if (minLength != null && length < minLength.intValue()) {
            return minLength.intValue() == 1 ? "must not be empty" : "must be at least " + minLength + " characters";
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(s).find()) {
            return "must be " + (patternDescription != null ? patternDescription : "a string matching " + pattern);
        }
        return null;
    }

    private String numberProblem(String type, Object value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return "must be a number";
        }
        if (type.equals("integer") && number.stripTrailingZeros().scale() > 0) {
            return "must be an integer";
        }
        if (minimum != null && number.compareTo(decimal(minimum)) < 0) {
            return "must be at least " + minimum;
        }
        if (maximum != null && number.compareTo(decimal(maximum)) > 0) {
            return "must be at most " + maximum;
        }
        return null;
    }

    /** The exact value of a JSON number as Java holds it; null for anything else, NaN and the infinities included. */
    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof BigInteger i) return new BigDecimal(i);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asSchema(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }
}
