package com.collectionledger.api.namespace;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The namespace is gone, with the buckets and collections listed here: each of them has its own
 * BucketDeleted or CollectionDeleted event, committed in the same transaction before this one.
 */
@Revision("1")
public record NamespaceDeleted(String namespaceId, String namespaceName, List<String> deletedBucketIds,
                               List<String> deletedCollectionIds, Instant deletedAt) {

    public NamespaceDeleted {
        deletedBucketIds = List.copyOf(deletedBucketIds);
        deletedCollectionIds = List.copyOf(deletedCollectionIds);
    }
}
