package com.collectionledger.api.namespace;

/** A feature extractor named by name and version, e.g. {@code text_extractor} {@code v1}. */
public record ExtractorRef(String featureExtractorName, String version) {

    /** The catalog ID, {@code <name>_<version>}. */
    public String id() {
        return featureExtractorName + "_" + version;
    }
}
