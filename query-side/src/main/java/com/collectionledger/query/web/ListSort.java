package com.collectionledger.query.web;

import com.collectionledger.api.error.Violation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The {@code sort} of a list body, {@code {field, direction}}; a null field means the list's default order. */
record ListSort(String field, boolean descending) {

    static ListSort parse(JsonNode sort, List<String> fields, List<Violation> violations) {
        if (sort.isMissingNode() || sort.isNull()) {
            return new ListSort(null, false);
        }
        if (!sort.isObject()) {
            violations.add(Violation.at("sort must be an object {field, direction}", "type_error", "body", "sort"));
            return new ListSort(null, false);
        }
        String field = sort.path("field").asText(null);
        if (field != null && !fields.contains(field)) {
            violations.add(Violation.at("sort.field must be one of " + fields, "enum", "body", "sort", "field"));
        }
        String direction = sort.path("direction").asText("asc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            violations.add(Violation.at("sort.direction must be 'asc' or 'desc'", "enum", "body", "sort", "direction"));
        }
        return new ListSort(field, direction.equals("desc"));
    }
}
