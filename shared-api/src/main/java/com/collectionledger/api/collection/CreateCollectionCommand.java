package com.collectionledger.api.collection;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a collection. The caller chooses the new ID, so a retried command cannot create two.
 * {@code inputSchema} is optional and must be a subset of the schema derived from the source.
 */
public record CreateCollectionCommand(@TargetAggregateIdentifier String collectionId, String namespaceId,
                                      String collectionName, CollectionConfig config, ObjectSchema inputSchema) {
}
