package com.collectionledger.command.domain;

import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.schema.ObjectSchema;

import java.util.List;
import java.util.Optional;

/**
 * What command handlers need to know beyond their own aggregate: the namespaces, buckets and live
 * collections that exist. Kept in the same transaction as the events, so it is never stale.
 */
public interface Directory {

    record NamespaceEntry(String namespaceId, String namespaceName, List<ExtractorRef> featureExtractors) {
    }

    record BucketEntry(String bucketId, String namespaceId, String bucketName, ObjectSchema bucketSchema) {
    }

    record CollectionEntry(String collectionId, String namespaceId, String collectionName, ObjectSchema outputSchema,
                           String featureExtractorId, List<SourceLineageEntry> sourceLineage) {
    }

    Optional<NamespaceEntry> namespace(String namespaceId);

    /**
     * Locks the namespace until the transaction ends. Creating a bucket or collection in it, and every
     * change of it or of its buckets, takes the same lock (see DirectoryProjection), so what the caller
     * reads next stays true until it commits.
     */
    void lockNamespace(String namespaceId);

    /** The live collections of the namespace, by name. */
    List<CollectionEntry> liveCollections(String namespaceId);

    /** The buckets of the namespace, by name. */
    List<BucketEntry> buckets(String namespaceId);

    boolean namespaceNameTaken(String namespaceName);

    Optional<BucketEntry> bucket(String namespaceId, String bucketId);

    boolean bucketNameTaken(String namespaceId, String bucketName);

    /** A live (not deleted) collection of the namespace. */
    Optional<CollectionEntry> liveCollection(String namespaceId, String collectionId);

    /** The ID of the live collection of the namespace with this name, if any. */
    Optional<String> collectionNamed(String namespaceId, String collectionName);

    /**
     * Live collections whose source includes this collection. Called before deleting it: until the
     * transaction ends, no new dependent can be added.
     */
    List<CollectionEntry> liveDependents(String collectionId);

    /** Live collections whose source lists this bucket, by name. Lock the bucket's namespace first. */
    List<CollectionEntry> liveBucketDependents(String bucketId);
}
