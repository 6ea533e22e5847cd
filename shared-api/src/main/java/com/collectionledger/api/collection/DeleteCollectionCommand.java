package com.collectionledger.api.collection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteCollectionCommand(@TargetAggregateIdentifier String collectionId, String namespaceId,
                                      Long expectedVersion) {
}
