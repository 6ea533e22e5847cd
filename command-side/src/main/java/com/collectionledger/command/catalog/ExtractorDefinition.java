package com.collectionledger.command.catalog;

import com.collectionledger.api.query.FeatureExtractorView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One catalog entry. {@code document} is the entry exactly as published, as plain values (maps,
 * lists, strings, numbers, booleans); the other fields are what validation reads from it.
 * {@code parameters} holds each parameter's JSON Schema, also as plain values.
 */
public record ExtractorDefinition(String name, String version, Map<String, Input> inputs, Set<String> requiredInputs,
                                  int minimumInputs, List<String> outputs, Map<String, Map<String, Object>> parameters,
                                  Map<String, Object> document) {

    /** An extractor input and the source field types it accepts. */
    public record Input(String name, Set<String> acceptedTypes) {
    }

    public String id() {
        return name + "_" + version;
    }

    /** The type the output schema gives an output ("array" when it names none). */
    public String outputType(String output) {
        Object type = object(object(object(document, "output_schema"), "properties"), output).get("type");
        return type instanceof String text ? text : "array";
    }

    /** The indexes this entry publishes for its outputs, for the bus. */
    public FeatureExtractorView view() {
        return new FeatureExtractorView(name, version, objects(document.get("required_vector_indexes")),
                objects(document.get("required_payload_indexes")));
    }

    /** The definition of a published entry, which it keeps as an unmodifiable copy. */
    static ExtractorDefinition of(Map<String, Object> published) {
        Map<String, Object> entry = object(frozen(published));
        Map<String, Object> inputSchema = object(entry, "input_schema");
        Map<String, Input> inputs = new LinkedHashMap<>();
        object(inputSchema, "properties").forEach((input, spec) -> {
            Set<String> accepted = new TreeSet<>();
            list(object(spec).get("accepted_types")).forEach(type -> accepted.add(String.valueOf(type)));
            inputs.put(input, new Input(input, accepted));
        });
        Set<String> required = new TreeSet<>();
        list(inputSchema.get("required")).forEach(input -> required.add(String.valueOf(input)));
        int minimumInputs = inputSchema.get("min_inputs") instanceof Number n ? n.intValue() : 1;
        List<String> outputs = new ArrayList<>(object(object(entry, "output_schema"), "properties").keySet());
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        object(object(entry, "parameter_schema"), "properties")
                .forEach((parameter, spec) -> parameters.put(parameter, object(spec)));
        return new ExtractorDefinition(text(entry.get("feature_extractor_name")), text(entry.get("version")), inputs,
                required, minimumInputs, outputs, parameters, entry);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, frozen(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExtractorDefinition::frozen).toList();
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return object(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> items ? items : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        return value instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }
}
