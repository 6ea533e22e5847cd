package com.collectionledger.api.namespace;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The first event of a namespace made by cloning another: the source's configuration under a new ID
 * and name. Its buckets and collections follow as {@code BucketCloned} and {@code CollectionCloned}
 * events of their own aggregates, in the same transaction.
 */
@Revision("1")
public record NamespaceCloned(String namespaceId, String sourceNamespaceId, String namespaceName, String description,
                              List<ExtractorRef> featureExtractors, List<PayloadIndex> payloadIndexes,
                              boolean autoCreateIndexes, Instant clonedAt) {

    public NamespaceCloned {
        featureExtractors = List.copyOf(featureExtractors);
        payloadIndexes = payloadIndexes == null ? List.of() : List.copyOf(payloadIndexes);
    }

    /** The creation this clone amounts to, for the handlers that treat both alike. */
    public NamespaceCreated asCreated() {
        return new NamespaceCreated(namespaceId, namespaceName, description, featureExtractors, payloadIndexes,
                autoCreateIndexes, clonedAt);
    }
}
