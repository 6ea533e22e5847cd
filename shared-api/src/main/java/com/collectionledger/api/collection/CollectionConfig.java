package com.collectionledger.api.collection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a client configures about a collection, besides its name. A clone copies it and
 * replaces whole parts of it (see {@link CollectionOverrides}).
 */
public record CollectionConfig(String description, SourceConfig source, FeatureExtractorConfig featureExtractor,
                               Boolean enabled, Map<String, Object> metadata,
                               List<TaxonomyApplication> taxonomyApplications) {

    public CollectionConfig {
        enabled = enabled == null || enabled;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        // A copy that keeps null items: the configuration rules reject them as a 422 at their index.
        taxonomyApplications = taxonomyApplications == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(taxonomyApplications));
    }
}
