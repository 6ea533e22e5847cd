package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.Violation;
import com.collectionledger.command.collection.rules.DescriptiveFields;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a PATCH changes: only name, description, enabled, metadata and taxonomy applications. */
final class CollectionPatch {

    private CollectionPatch() {
    }

    /** The event for this patch, or null when it changes nothing. */
    static CollectionUpdated apply(String collectionId, String namespaceId, String currentName, CollectionConfig current,
                                   UpdateCollectionCommand patch, Directory directory, Instant now) {
        List<String> changed = new ArrayList<>();
        String name = patch.collectionName() != null ? patch.collectionName() : currentName;
        if (!name.equals(currentName)) {
            CollectionNames.require(directory, namespaceId, name);
            changed.add("collection_name");
        }
        List<Violation> violations = new ArrayList<>();
        String description = patch.description() != null ? patch.description() : current.description();
        DescriptiveFields.checkDescription(description, violations);
        DescriptiveFields.checkMetadata(patch.metadata(), violations);
        DescriptiveFields.checkTaxonomies(patch.taxonomyApplications(), violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        CollectionConfig next = current.patched(description,
                patch.enabled() != null ? patch.enabled() : current.enabled(),
                patch.metadata() != null ? patch.metadata() : current.metadata(),
                patch.taxonomyApplications() != null ? patch.taxonomyApplications() : current.taxonomyApplications());
        if (!Objects.equals(next.description(), current.description())) changed.add("description");
        if (!next.enabled().equals(current.enabled())) changed.add("enabled");
        if (!next.metadata().equals(current.metadata())) changed.add("metadata");
        if (!next.taxonomyApplications().equals(current.taxonomyApplications())) changed.add("taxonomy_applications");
        if (changed.isEmpty()) {
            return null;
        }
        return new CollectionUpdated(collectionId, namespaceId, changed, name, next.description(), next.enabled(),
                next.metadata(), next.taxonomyApplications(), now);
    }
}
