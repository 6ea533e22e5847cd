package com.collectionledger.query.web;

import com.collectionledger.api.error.Violation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code filters} of a collection list: either {@code {field: value}} or Mixpeek's
 * {@code {"AND": [{field, operator: "eq", value}]}}. Only exact matches on known fields.
 */
final class ListFilters {

    /** No name or description holds U+0000, and PostgreSQL cannot even compare text with it. */
    static final String NUL_MESSAGE = "must not contain NUL (U+0000) characters";

    private ListFilters() {
    }

    static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** The filters of a list whose filter fields are {@code fields}. */
    static Map<String, Object> parse(JsonNode filters, java.util.List<String> fields,
                                     java.util.List<Violation> violations) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (filters.isMissingNode() || filters.isNull()) {
            return result;
        }
        if (!filters.isObject()) {
            violations.add(Violation.at("filters must be an object", "type_error", "body", "filters"));
            return result;
        }
        if (filters.has("AND")) {
            JsonNode conditions = filters.get("AND");
            if (!conditions.isArray()) {
                violations.add(Violation.at("filters.AND must be a list", "type_error", "body", "filters", "AND"));
                return result;
            }
            for (int i = 0; i < conditions.size(); i++) {
                JsonNode condition = conditions.get(i);
                String operator = condition.path("operator").asText("eq");
                if (!operator.equals("eq")) {
                    violations.add(Violation.at("only the 'eq' operator is supported", "enum",
                            "body", "filters", "AND", String.valueOf(i), "operator"));
                    continue;
                }
                add(fields, condition.path("field").asText(""), condition.path("value"), result, violations,
                        "body", "filters", "AND", String.valueOf(i), "field");
            }
            return result;
        }
        filters.fields().forEachRemaining(e -> add(fields, e.getKey(), e.getValue(), result, violations,
                "body", "filters", e.getKey()));
        return result;
    }

    private static void add(java.util.List<String> fields, String field, JsonNode value, Map<String, Object> result,
                            java.util.List<Violation> violations, String... path) {
        if (!fields.contains(field)) {
            violations.add(Violation.at("'" + field + "' is not a filter field; use one of " + fields, "enum", path));
            return;
        }
        switch (field) {
            case "enabled" -> {
                if (value.isBoolean()) result.put(field, value.asBoolean());
                else violations.add(Violation.at("enabled must be a boolean", "type_error", path));
            }
            case "generation" -> {
                if (value.canConvertToInt() && value.isIntegralNumber()) result.put(field, value.asInt());
                else violations.add(Violation.at("generation must be an integer", "type_error", path));
            }
            default -> {
                if (!value.isTextual()) violations.add(Violation.at(field + " must be a string", "type_error", path));
                else if (hasNul(value.asText())) violations.add(Violation.at(field + " " + NUL_MESSAGE, "value_error", path));
                else result.put(field, value.asText());
            }
        }
    }
}
