package com.collectionledger.api.query;

import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;

import java.time.Instant;
import java.util.List;

public record NamespaceView(String namespaceId, String namespaceName, String description,
                            List<ExtractorRef> featureExtractors, Instant createdAt, Instant updatedAt) {

    /** The view its creation event makes, for the projection and for answers read from the event store. */
    public static NamespaceView created(NamespaceCreated event) {
        return new NamespaceView(event.namespaceId(), event.namespaceName(), event.description(),
                event.featureExtractors(), event.createdAt(), event.createdAt());
    }
}
