package com.collectionledger.api.namespace;

import java.util.List;

/** What a namespace clone made: the new namespace and the IDs of the new buckets and collections. */
public record NamespaceCloneOutcome(String namespaceId, List<String> bucketIds, List<String> collectionIds) {

    public NamespaceCloneOutcome {
        bucketIds = List.copyOf(bucketIds);
        collectionIds = List.copyOf(collectionIds);
    }
}
