package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.error.Violation;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import com.collectionledger.command.domain.Directory;

import java.util.List;
import java.util.Optional;

/** The extractor a configuration names: given by name and version, in the catalog, enabled for its namespace. */
final class ExtractorChoice {

    private final Directory directory;
    private final ExtractorCatalog catalog;

    ExtractorChoice(Directory directory, ExtractorCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    /** The catalog's definition of the extractor, or empty with the reason in {@code violations}. */
    Optional<ExtractorDefinition> find(String namespaceId, FeatureExtractorConfig extractor,
                                       List<Violation> violations) {
        if (extractor.featureExtractorName() == null || extractor.featureExtractorName().isBlank()) {
            violations.add(Violation.at("feature_extractor_name is required", "missing",
                    "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        if (extractor.version() == null || extractor.version().isBlank()) {
            violations.add(Violation.at("version is required", "missing", "feature_extractor", "version"));
            return Optional.empty();
        }
        Optional<ExtractorDefinition> definition = catalog.find(extractor.featureExtractorName(), extractor.version());
        if (definition.isEmpty()) {
            violations.add(Violation.at("feature extractor '" + extractor.featureExtractorId()
                    + "' is not in the catalog", "not_found", "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        boolean enabled = directory.namespace(namespaceId)
                .map(ns -> ns.featureExtractors().stream().anyMatch(r -> r.id().equals(extractor.featureExtractorId())))
                .orElse(false);
        if (!enabled) {
            violations.add(Violation.at("feature extractor '" + extractor.featureExtractorId()
                            + "' is not enabled for this namespace", "value_error",
                    "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        return definition;
    }
}
