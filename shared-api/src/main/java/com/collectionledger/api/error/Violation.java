package com.collectionledger.api.error;

import java.util.ArrayList;
import java.util.List;

/**
 * One broken rule. {@code location} is the path of the offending value within what was checked,
 * e.g. {@code [feature_extractor, input_mappings, text]}; the adapter that received it places it
 * in its request (over HTTP under {@code body} or {@code query}).
 */
public record Violation(List<String> location, String message, String type) {

    public Violation {
        location = List.copyOf(location);
    }

    public static Violation at(String message, String type, String... path) {
        return new Violation(List.of(path), message, type);
    }

    /** This violation with its location inside {@code outer}: {@code [source, bucket_ids]} within "body". */
    public Violation within(String... outer) {
        List<String> placed = new ArrayList<>(List.of(outer));
        placed.addAll(location);
        return new Violation(placed, message, type);
    }
}
