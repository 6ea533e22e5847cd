package com.collectionledger.api.collection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a client configures about a collection, besides its name. A clone copies it and
 * replaces whole parts of it (see {@link CollectionOverrides}). {@code schedule} is null when there
 * is none (and in events stored before schedules were kept).
 */
public record CollectionConfig(String description, SourceConfig source, FeatureExtractorConfig featureExtractor,
                               Boolean enabled, Map<String, Object> metadata,
                               List<TaxonomyApplication> taxonomyApplications, CollectionSchedule schedule) {

    public CollectionConfig {
        enabled = enabled == null || enabled;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        // A copy that keeps null items: the configuration rules reject them as a 422 at their index.
        taxonomyApplications = taxonomyApplications == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(taxonomyApplications));
    }

    /** A configuration without a schedule. */
    public CollectionConfig(String description, SourceConfig source, FeatureExtractorConfig featureExtractor,
                            Boolean enabled, Map<String, Object> metadata,
                            List<TaxonomyApplication> taxonomyApplications) {
        this(description, source, featureExtractor, enabled, metadata, taxonomyApplications, null);
    }

    /** This configuration as the update left it: the one way an update applies to a configuration. */
    public CollectionConfig withPatch(CollectionUpdated update) {
        return patched(update.description(), update.enabled(), update.metadata(), update.taxonomyApplications());
    }

    /** This configuration with what PATCH may change replaced; source, extractor and schedule stay. */
    public CollectionConfig patched(String newDescription, Boolean newEnabled, Map<String, Object> newMetadata,
                                    List<TaxonomyApplication> newTaxonomyApplications) {
        return new CollectionConfig(newDescription, source, featureExtractor, newEnabled, newMetadata,
                newTaxonomyApplications, schedule);
    }
}
