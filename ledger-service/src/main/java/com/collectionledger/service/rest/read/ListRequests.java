package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.query.filter.FilterParser;
import com.collectionledger.query.filter.ListField;
import com.collectionledger.query.filter.ListFields;
import com.collectionledger.service.rest.InvalidRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a list route (Mixpeek's ListCollectionsRequest, ListBucketsRequest, ListNamespacesRequest,
 * ListTemplatesRequest): {@code filters}, {@code sort}, {@code search} and {@code case_sensitive}, checked.
 */
final class ListRequests {

    private ListRequests() {
    }

    /** The criteria of the body; what is wrong with it goes to {@code violations}. */
    static ListCriteria criteria(JsonNode body, ListFields<?> fields, List<Violation> violations) {
        JsonNode request = body == null ? MissingNode.getInstance() : body;
        if (!request.isMissingNode() && !request.isNull() && !request.isObject()) {
            violations.add(Violation.at("the body must be a JSON object", "type_error", "body"));
            return ListCriteria.none();
        }
        JsonNode caseSensitive = request.path("case_sensitive");
        if (!caseSensitive.isMissingNode() && !caseSensitive.isNull() && !caseSensitive.isBoolean()) {
            violations.add(Violation.at("case_sensitive must be a boolean", "type_error", "body", "case_sensitive"));
        }
        boolean exactCase = caseSensitive.asBoolean(false);
        List<Violation> inFilters = new ArrayList<>();
        ListFilter filter = FilterParser.parse(request.path("filters"), fields, exactCase, inFilters);
        inFilters.forEach(v -> violations.add(v.within("body")));
        JsonNode search = request.path("search");
        if (!search.isMissingNode() && !search.isNull() && !search.isTextual()) {
            violations.add(Violation.at("search must be a string", "type_error", "body", "search"));
        } else if (search.isTextual() && FilterParser.hasNul(search.asText())) {
            violations.add(Violation.at("search " + FilterParser.NUL_MESSAGE, "value_error", "body", "search"));
        }
        JsonNode sort = request.path("sort");
        String sortField = null;
        boolean descending = false;
        if (sort.isObject()) {
            JsonNode field = sort.path("field");
            if (!field.isTextual()) {
                violations.add(Violation.at("sort.field is required: one of " + String.join(", ", fields.sortNames()),
                        field.isMissingNode() || field.isNull() ? "missing" : "type_error", "body", "sort", "field"));
            } else {
                sortField = fields.sortField(field.asText()).map(ListField::name).orElse(null);
                if (sortField == null) {
                    violations.add(Violation.at("sort.field must be one of " + String.join(", ", fields.sortNames()),
                            "enum", "body", "sort", "field"));
                }
            }
            JsonNode direction = sort.path("direction");
            if (!direction.isMissingNode() && !direction.isNull()
                    && !direction.asText("").equals("asc") && !direction.asText("").equals("desc")) {
                violations.add(Violation.at("sort.direction must be 'asc' or 'desc'", "enum", "body", "sort", "direction"));
            }
            descending = direction.asText("asc").equals("desc");
        } else if (!sort.isMissingNode() && !sort.isNull()) {
            violations.add(Violation.at("sort must be an object {field, direction}", "type_error", "body", "sort"));
        }
        return new ListCriteria(filter, search.isTextual() ? search.asText() : null, exactCase, sortField, descending);
    }

    /** An integer of the body between {@code min} and {@code max}, or null when the body has none. */
    static Integer bodyInteger(JsonNode body, String name, int min, int max, List<Violation> violations) {
        JsonNode value = body == null ? MissingNode.getInstance() : body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            violations.add(Violation.at(name + " must be an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max), "value_error", "body", name));
            return null;
        }
        return value.intValue();
    }

    static void rejectIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
