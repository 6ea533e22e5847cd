package com.collectionledger.api.collection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The one feature extractor of a collection, how its inputs map to source fields, and what passes through. */
public record FeatureExtractorConfig(String featureExtractorName, String version, Map<String, Object> parameters,
                                     Map<String, String> inputMappings, List<FieldPassthrough> fieldPassthrough,
                                     Boolean includeAllSourceFields) {

    public FeatureExtractorConfig {
        // A copy that keeps null items: the configuration rules reject them as a 422 at their index.
        fieldPassthrough = fieldPassthrough == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(fieldPassthrough));
        inputMappings = inputMappings == null ? Map.of() : inputMappings;
        includeAllSourceFields = Boolean.TRUE.equals(includeAllSourceFields);
    }

    /** The catalog ID, {@code <name>_<version>}. */
    public String featureExtractorId() {
        return featureExtractorName + "_" + version;
    }
}
