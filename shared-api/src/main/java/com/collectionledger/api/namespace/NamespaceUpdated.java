package com.collectionledger.api.namespace;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A PATCH or PUT took effect: the new value of every changeable field, and the names of those that changed. */
@Revision("1")
public record NamespaceUpdated(String namespaceId, List<String> changedFields, String namespaceName,
                               String description, List<ExtractorRef> featureExtractors,
                               List<PayloadIndex> payloadIndexes, boolean autoCreateIndexes, Instant updatedAt) {

    public NamespaceUpdated {
        changedFields = List.copyOf(changedFields);
        featureExtractors = List.copyOf(featureExtractors);
        payloadIndexes = List.copyOf(payloadIndexes);
    }
}
