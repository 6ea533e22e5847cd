package com.collectionledger.api.query;

import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.namespace.PayloadIndex;

import java.time.Instant;
import java.util.List;

/**
 * A namespace as the read model holds it. {@code bucketCount} and {@code collectionCount} are
 * counted when it is read (null when not counted, e.g. in an answer rebuilt from the event store);
 * {@code payloadIndexes} and {@code autoCreateIndexes} are null in documents written before they existed.
 */
public record NamespaceView(String namespaceId, String namespaceName, String description,
                            List<ExtractorRef> featureExtractors, List<PayloadIndex> payloadIndexes,
                            Boolean autoCreateIndexes, Instant createdAt, Instant updatedAt,
                            Long bucketCount, Long collectionCount) {

    /** The view its creation event makes, for the projection and for answers read from the event store. */
    public static NamespaceView created(NamespaceCreated event) {
        return new NamespaceView(event.namespaceId(), event.namespaceName(), event.description(),
                event.featureExtractors(), event.payloadIndexes(), event.autoCreateIndexes(), event.createdAt(),
                event.createdAt(), null, null);
    }

    /** This view after the update. */
    public NamespaceView updated(NamespaceUpdated event) {
        return new NamespaceView(namespaceId, event.namespaceName(), event.description(), event.featureExtractors(),
                event.payloadIndexes(), event.autoCreateIndexes(), createdAt, event.updatedAt(), bucketCount,
                collectionCount);
    }

    public NamespaceView withCounts(long buckets, long collections) {
        return new NamespaceView(namespaceId, namespaceName, description, featureExtractors, payloadIndexes,
                autoCreateIndexes, createdAt, updatedAt, buckets, collections);
    }
}
