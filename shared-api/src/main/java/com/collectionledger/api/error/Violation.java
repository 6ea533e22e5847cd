package com.collectionledger.api.error;

import java.util.List;

/**
 * One broken rule. {@code location} is the JSON path of the offending value, starting with
 * {@code "body"}, e.g. {@code [body, feature_extractor, input_mappings, text]}.
 */
public record Violation(List<String> location, String message, String type) {

    public Violation {
        location = List.copyOf(location);
    }

    public static Violation at(String message, String type, String... path) {
        return new Violation(List.of(path), message, type);
    }
}
