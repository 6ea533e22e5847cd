package com.collectionledger.api.query;

/** An extractor of the catalog by its ID ({@code <name>_<version>}); answers an {@code Optional<FeatureExtractorView>}. */
public record FindFeatureExtractorQuery(String featureExtractorId) {
}
