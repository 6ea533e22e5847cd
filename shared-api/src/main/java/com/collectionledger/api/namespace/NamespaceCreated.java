package com.collectionledger.api.namespace;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record NamespaceCreated(String namespaceId, String namespaceName, String description,
                               List<ExtractorRef> featureExtractors, Instant createdAt) {

    public NamespaceCreated {
        featureExtractors = List.copyOf(featureExtractors);
    }
}
