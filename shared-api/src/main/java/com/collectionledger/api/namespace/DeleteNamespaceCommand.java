package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a namespace and, in the same transaction, every live bucket and collection in it. */
public record DeleteNamespaceCommand(@TargetAggregateIdentifier String namespaceId) {
}
