package com.collectionledger.api.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Captures a collection's configuration, at its current version, as a new collection template. It
 * goes to the COLLECTION aggregate (it alone knows its configuration and version), which creates
 * the template; the caller chooses the template's ID. {@code scope}, {@code category}, {@code tags}
 * and {@code isPublic} are as in Mixpeek's CreateTemplateFromResourceRequest; null means not given.
 */
public record CreateTemplateFromCollectionCommand(@TargetAggregateIdentifier String collectionId, String namespaceId,
                                                  String templateId, String templateName, String description,
                                                  String scope, String category, List<String> tags,
                                                  Boolean isPublic) {
}
