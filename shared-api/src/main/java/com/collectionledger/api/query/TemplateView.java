package com.collectionledger.api.query;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.List;

/**
 * A collection template as the read model holds it: what it captured, from which collection at which
 * version, and {@code createdBy}, the API key that captured it.
 */
public record TemplateView(String templateId, String namespaceId, String templateName, String description,
                           String scope, String category, List<String> tags, String sourceCollectionId,
                           String sourceCollectionName, long sourceVersion, CollectionConfig configuration,
                           ObjectSchema inputSchema, String createdBy, Instant createdAt, Instant updatedAt) {

    public TemplateView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
