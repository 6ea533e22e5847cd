package com.collectionledger.command.namespace;

import java.time.Instant;

/**
 * Deletes a namespace's buckets and collections with the namespace: each as an event of its own
 * aggregate, in the unit of work (and transaction) of the namespace's deletion.
 */
public interface NamespaceCascade {

    void deleteCollection(String collectionId, Instant at);

    void deleteBucket(String bucketId, Instant at);
}
