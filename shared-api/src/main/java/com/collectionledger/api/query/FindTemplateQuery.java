package com.collectionledger.api.query;

/** A collection template of a namespace by ID; answers an {@code Optional<TemplateView>}. */
public record FindTemplateQuery(String namespaceId, String templateId) {
}
