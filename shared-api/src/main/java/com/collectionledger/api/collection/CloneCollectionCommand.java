package com.collectionledger.api.collection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Clones a collection. It goes to the SOURCE aggregate, which creates the new one; the caller
 * chooses the new ID. With {@code sourceVersion}, the source is copied as it was at that version
 * (e.g. before yesterday's PATCH); without, as it is now. The result is the clone's {@link CommandOutcome}.
 */
public record CloneCollectionCommand(@TargetAggregateIdentifier String sourceCollectionId, String namespaceId,
                                     String newCollectionId, String collectionName, CollectionOverrides overrides,
                                     Long sourceVersion) {

    public CloneCollectionCommand {
        overrides = overrides == null ? CollectionOverrides.none() : overrides;
    }

    /** A clone of the source as it is now. */
    public CloneCollectionCommand(String sourceCollectionId, String namespaceId, String newCollectionId,
                                  String collectionName, CollectionOverrides overrides) {
        this(sourceCollectionId, namespaceId, newCollectionId, collectionName, overrides, null);
    }
}
