package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The first event of a collection made from a template. Self-contained like {@link CollectionCloned}:
 * the template, the collection the template was captured from and at which version, the merged
 * configuration and the schemas derived from it. Such a collection is an original of its own clone
 * tree (generation 0); {@code tags} are the request's, which a collection has no field for.
 */
@Revision("1")
public record CollectionInstantiated(String collectionId, String namespaceId, String collectionName,
                                     String templateId, String templateName, String sourceCollectionId,
                                     String sourceCollectionName, long sourceVersion, CollectionConfig config,
                                     List<String> tags, CollectionSchemas schemas, Instant instantiatedAt) {

    public CollectionInstantiated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
