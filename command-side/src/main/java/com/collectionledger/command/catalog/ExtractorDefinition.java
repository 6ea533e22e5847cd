package com.collectionledger.command.catalog;

import com.collectionledger.api.query.FeatureExtractorView;
import com.collectionledger.support.StoredJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One catalog entry. {@code document} is the entry exactly as published; the other fields are
 * what validation reads from it.
 */
public record ExtractorDefinition(String name, String version, Map<String, Input> inputs, Set<String> requiredInputs,
                                  int minimumInputs, List<String> outputs, Map<String, JsonNode> parameters,
                                  JsonNode document) {

    /** An extractor input and the source field types it accepts. */
    public record Input(String name, Set<String> acceptedTypes) {
    }

    public String id() {
        return name + "_" + version;
    }

    /** The indexes this entry publishes for its outputs, as plain values for the bus. */
    public FeatureExtractorView view() {
        return new FeatureExtractorView(name, version, plain(document.path("required_vector_indexes")),
                plain(document.path("required_payload_indexes")));
    }

    private static List<Map<String, Object>> plain(JsonNode items) {
        return items.isArray() ? StoredJson.convert(items, new TypeReference<>() { }) : List.of();
    }

    static ExtractorDefinition fromJson(JsonNode node) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        node.path("input_schema").path("properties").fields().forEachRemaining(e -> {
            Set<String> accepted = new TreeSet<>();
            e.getValue().path("accepted_types").forEach(t -> accepted.add(t.asText()));
            inputs.put(e.getKey(), new Input(e.getKey(), accepted));
        });
        Set<String> required = new TreeSet<>();
        node.path("input_schema").path("required").forEach(r -> required.add(r.asText()));
        List<String> outputs = new ArrayList<>();
        node.path("output_schema").path("properties").fieldNames().forEachRemaining(outputs::add);
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        node.path("parameter_schema").path("properties").fields()
                .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue()));
        return new ExtractorDefinition(node.path("feature_extractor_name").asText(), node.path("version").asText(),
                inputs, required, node.path("input_schema").path("min_inputs").asInt(1), outputs, parameters,
                node.deepCopy());
    }
}
