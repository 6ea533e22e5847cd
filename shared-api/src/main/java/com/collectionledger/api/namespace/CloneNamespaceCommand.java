package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Clones a namespace: a new namespace with the source's configuration, a clone of each of its buckets
 * and, with {@code includeCollections}, of each of its live collections, every source remapped to its
 * clone. It goes to the SOURCE namespace; all of it happens in one unit of work, so it all commits or
 * none of it does. The caller chooses the new namespace's ID; {@code description} null copies the source's.
 * The result is a {@link NamespaceCloneOutcome}.
 */
public record CloneNamespaceCommand(@TargetAggregateIdentifier String sourceNamespaceId, String newNamespaceId,
                                    String namespaceName, String description, boolean includeCollections) {
}
