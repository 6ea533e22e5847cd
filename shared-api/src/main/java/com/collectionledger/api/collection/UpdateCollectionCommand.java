package com.collectionledger.api.collection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Changes what PATCH may change ({@link CollectionUpdated#PATCHABLE_FIELDS}). A null part stays as
 * it is. With {@code expectedVersion} set, the command fails when the collection has moved on since.
 */
public record UpdateCollectionCommand(@TargetAggregateIdentifier String collectionId, String namespaceId,
                                      String collectionName, String description, Boolean enabled,
                                      Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                                      Long expectedVersion) {
}
