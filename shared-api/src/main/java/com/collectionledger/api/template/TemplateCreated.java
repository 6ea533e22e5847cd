package com.collectionledger.api.template;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A collection template was captured from a collection: the collection's whole configuration and its
 * input schema at {@code sourceVersion} (which keeps an input narrowed by the collection's creator).
 * Self-contained, so the template needs nothing else to be read or instantiated.
 */
@Revision("1")
public record TemplateCreated(String templateId, String namespaceId, String templateName, String description,
                              String scope, String category, List<String> tags, String sourceCollectionId,
                              String sourceCollectionName, long sourceVersion, CollectionConfig configuration,
                              ObjectSchema inputSchema, Instant createdAt) {

    public TemplateCreated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
