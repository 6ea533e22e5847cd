package com.collectionledger.api.namespace;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Revision 2 added {@code payloadIndexes} and {@code autoCreateIndexes}; a revision 1 event reads
 * them as none and false.
 */
@Revision("2")
public record NamespaceCreated(String namespaceId, String namespaceName, String description,
                               List<ExtractorRef> featureExtractors, List<PayloadIndex> payloadIndexes,
                               boolean autoCreateIndexes, Instant createdAt) {

    public NamespaceCreated {
        featureExtractors = List.copyOf(featureExtractors);
        payloadIndexes = payloadIndexes == null ? List.of() : List.copyOf(payloadIndexes);
    }

    public NamespaceCreated(String namespaceId, String namespaceName, String description,
                            List<ExtractorRef> featureExtractors, Instant createdAt) {
        this(namespaceId, namespaceName, description, featureExtractors, List.of(), false, createdAt);
    }
}
