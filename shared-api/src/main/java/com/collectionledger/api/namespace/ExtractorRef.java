package com.collectionledger.api.namespace;

import java.util.Map;

/**
 * A feature extractor a namespace enables, by name and version (e.g. {@code text_extractor} {@code v1}),
 * with the parameters locked for it at the namespace's creation ({@code params}, may be null).
 */
public record ExtractorRef(String featureExtractorName, String version, Map<String, Object> params) {

    public ExtractorRef(String featureExtractorName, String version) {
        this(featureExtractorName, version, null);
    }

    /** The catalog ID, {@code <name>_<version>}. */
    public String id() {
        return featureExtractorName + "_" + version;
    }
}
