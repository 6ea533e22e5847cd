package com.collectionledger.api.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates a new collection from a template's configuration. It goes to the TEMPLATE aggregate, which
 * creates the collection; the caller chooses the new collection's ID. {@code bucketIds} (a template
 * with a bucket source) or {@code sourceCollectionId} (a collection source) replace the template's
 * source; without either the template's own source is used. {@code description} replaces the
 * template's; {@code tags} are recorded on the event. The result is the new collection's
 * {@link com.collectionledger.api.collection.CommandOutcome}.
 */
public record InstantiateTemplateCommand(@TargetAggregateIdentifier String templateId, String namespaceId,
                                         String newCollectionId, String collectionName, List<String> bucketIds,
                                         String sourceCollectionId, String description, List<String> tags) {
}
