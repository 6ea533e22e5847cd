package com.collectionledger.command.namespace;

import com.collectionledger.command.domain.Directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory as it will be once a namespace clone commits: the real one, with the new namespace and
 * the buckets and collections cloned so far laid over it. The real directory learns of them only at
 * commit, and each cloned collection must pass the rules of create against its cloned sources.
 */
final class PendingNamespaceDirectory implements Directory {

    private final Directory committed;
    private final NamespaceEntry namespace;
    private final Map<String, BucketEntry> buckets = new LinkedHashMap<>();
    private final Map<String, CollectionEntry> collections = new LinkedHashMap<>();

    PendingNamespaceDirectory(Directory committed, NamespaceEntry namespace) {
        this.committed = committed;
        this.namespace = namespace;
    }

    void add(BucketEntry bucket) {
        buckets.put(bucket.bucketId(), bucket);
    }

    void add(CollectionEntry collection) {
        collections.put(collection.collectionId(), collection);
    }

    private boolean pending(String namespaceId) {
        return namespace.namespaceId().equals(namespaceId);
    }

    @Override
    public Optional<NamespaceEntry> namespace(String namespaceId) {
        return pending(namespaceId) ? Optional.of(namespace) : committed.namespace(namespaceId);
    }

    @Override
    public void lockNamespace(String namespaceId) {
        if (!pending(namespaceId)) { // the pending namespace has no row to lock until it commits
            committed.lockNamespace(namespaceId);
        }
    }

    @Override
    public List<CollectionEntry> liveCollections(String namespaceId) {
        return pending(namespaceId) ? new ArrayList<>(collections.values()) : committed.liveCollections(namespaceId);
    }

    @Override
    public List<BucketEntry> buckets(String namespaceId) {
        return pending(namespaceId) ? new ArrayList<>(buckets.values()) : committed.buckets(namespaceId);
    }

    @Override
    public boolean namespaceNameTaken(String namespaceName) {
        return namespace.namespaceName().equals(namespaceName) || committed.namespaceNameTaken(namespaceName);
    }

    @Override
    public Optional<BucketEntry> bucket(String namespaceId, String bucketId) {
        return pending(namespaceId) ? Optional.ofNullable(buckets.get(bucketId)) : committed.bucket(namespaceId, bucketId);
    }

    @Override
    public boolean bucketNameTaken(String namespaceId, String bucketName) {
        return pending(namespaceId)
                ? buckets.values().stream().anyMatch(b -> b.bucketName().equals(bucketName))
                : committed.bucketNameTaken(namespaceId, bucketName);
    }

    @Override
    public Optional<CollectionEntry> liveCollection(String namespaceId, String collectionId) {
        return pending(namespaceId) ? Optional.ofNullable(collections.get(collectionId))
                : committed.liveCollection(namespaceId, collectionId);
    }

    @Override
    public Optional<String> collectionNamed(String namespaceId, String collectionName) {
        return pending(namespaceId)
                ? collections.values().stream().filter(c -> c.collectionName().equals(collectionName))
                .map(CollectionEntry::collectionId).findFirst()
                : committed.collectionNamed(namespaceId, collectionName);
    }

    // Nothing pending is deleted or changed during a clone: only committed sources' dependents matter.
    @Override
    public List<CollectionEntry> liveDependents(String collectionId) {
        return committed.liveDependents(collectionId);
    }

    @Override
    public List<CollectionEntry> liveBucketDependents(String bucketId) {
        return committed.liveBucketDependents(bucketId);
    }
}
