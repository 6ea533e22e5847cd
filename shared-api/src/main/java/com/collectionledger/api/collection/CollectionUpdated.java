package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A PATCH took effect. Carries the new value of every field PATCH may change and names the ones
 * that actually changed.
 */
@Revision("1")
public record CollectionUpdated(String collectionId, String namespaceId, List<String> changedFields,
                                String collectionName, String description, boolean enabled,
                                Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                                Instant updatedAt) {

    /** The fields PATCH may change, by their names on the wire and in {@code changedFields}. */
    public static final List<String> PATCHABLE_FIELDS = List.of("collection_name", "description", "enabled",
            "metadata", "taxonomy_applications");

    public CollectionUpdated {
        changedFields = List.copyOf(changedFields);
    }
}
