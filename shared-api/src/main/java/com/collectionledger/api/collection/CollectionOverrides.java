package com.collectionledger.api.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a clone request replaces in the source's configuration. A null part is copied from the
 * source; a present part replaces the source's value whole (no deep merge).
 */
public record CollectionOverrides(String description, SourceConfig source, FeatureExtractorConfig featureExtractor,
                                  Boolean enabled, Map<String, Object> metadata,
                                  List<TaxonomyApplication> taxonomyApplications, CollectionSchedule schedule) {

    /** Overrides that leave the schedule as the source has it. */
    public CollectionOverrides(String description, SourceConfig source, FeatureExtractorConfig featureExtractor,
                               Boolean enabled, Map<String, Object> metadata,
                               List<TaxonomyApplication> taxonomyApplications) {
        this(description, source, featureExtractor, enabled, metadata, taxonomyApplications, null);
    }

    public static CollectionOverrides none() {
        return new CollectionOverrides(null, null, null, null, null, null, null);
    }

    public CollectionConfig applyTo(CollectionConfig base) {
        return new CollectionConfig(
                description != null ? description : base.description(),
                source != null ? source : base.source(),
                featureExtractor != null ? featureExtractor : base.featureExtractor(),
                enabled != null ? enabled : base.enabled(),
                metadata != null ? metadata : base.metadata(),
                taxonomyApplications != null ? taxonomyApplications : base.taxonomyApplications(),
                schedule != null ? schedule : base.schedule());
    }

    /** The snake_case names of the overridden parts, in a fixed order. */
    public List<String> overriddenFields() {
        List<String> fields = new ArrayList<>();
        if (description != null) fields.add("description");
        if (source != null) fields.add("source");
        if (featureExtractor != null) fields.add("feature_extractor");
        if (enabled != null) fields.add("enabled");
        if (metadata != null) fields.add("metadata");
        if (taxonomyApplications != null) fields.add("taxonomy_applications");
        if (schedule != null) fields.add("schedule");
        return List.copyOf(fields);
    }
}
