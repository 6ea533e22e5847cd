package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The first event of a clone. It is self-contained: a projection can build the clone's view,
 * lineage included, without having seen the source's events (events are ordered per aggregate only).
 */
@Revision("2")
public record CollectionCloned(String collectionId, String sourceCollectionId, String sourceCollectionName,
                               long sourceVersion, String rootCollectionId, int generation, String namespaceId,
                               String collectionName, CollectionConfig config, List<String> overriddenFields,
                               CollectionSchemas schemas, Instant clonedAt) {

    public CollectionCloned {
        overriddenFields = List.copyOf(overriddenFields);
    }
}
