package com.collectionledger.api.collection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Clones a collection. It goes to the SOURCE aggregate, which creates the new one; the caller
 * chooses the new ID. The result is the clone's {@link CommandOutcome}.
 */
public record CloneCollectionCommand(@TargetAggregateIdentifier String sourceCollectionId, String namespaceId,
                                     String newCollectionId, String collectionName, CollectionOverrides overrides) {

    public CloneCollectionCommand {
        overrides = overrides == null ? CollectionOverrides.none() : overrides;
    }
}
