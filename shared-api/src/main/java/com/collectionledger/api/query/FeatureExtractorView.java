package com.collectionledger.api.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the extractor catalog publishes about the indexes an extractor's outputs need: its
 * {@code required_vector_indexes} (Mixpeek's VectorIndexDefinition) and {@code required_payload_indexes},
 * as JSON-like values.
 */
public record FeatureExtractorView(String featureExtractorName, String version,
                                  List<Map<String, Object>> requiredVectorIndexes,
                                  List<Map<String, Object>> requiredPayloadIndexes) {

    public FeatureExtractorView {
        requiredVectorIndexes = requiredVectorIndexes == null ? List.of() : List.copyOf(requiredVectorIndexes);
        requiredPayloadIndexes = requiredPayloadIndexes == null ? List.of() : List.copyOf(requiredPayloadIndexes);
    }

    public String featureExtractorId() {
        return featureExtractorName + "_" + version;
    }

    /**
     * The vector indexes of a collection of this extractor: each required one, with its feature URI
     * {@code mixpeek://<name>@<version>/<output>} and, inside, the storage name
     * {@code <name>_<version>_<output>}: the name the output schema gives the field.
     */
    public List<Map<String, Object>> collectionVectorIndexes() {
        return requiredVectorIndexes.stream().map(required -> {
            String output = String.valueOf(required.get("name"));
            Map<String, Object> index = new LinkedHashMap<>(required);
            index.putIfAbsent("feature_uri", "mixpeek://" + featureExtractorName + "@" + version + "/" + output);
            if (required.get("index") instanceof Map<?, ?> storage) {
                Map<Object, Object> named = new LinkedHashMap<>(storage);
                named.put("name", featureExtractorId() + "_" + output);
                index.put("index", named);
            }
            return Collections.unmodifiableMap(index);
        }).toList();
    }
}
