package com.collectionledger.command.config;

import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.namespace.NamespaceCascade;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;

/**
 * Loads each bucket and collection of a namespace being deleted into the namespace command's unit of
 * work and deletes it there: their events commit in the same transaction as the namespace's, or none does.
 */
class AggregateCascade implements NamespaceCascade {

    private final Repository<Collection> collections;
    private final Repository<Bucket> buckets;

    AggregateCascade(Repository<Collection> collections, Repository<Bucket> buckets) {
        this.collections = collections;
        this.buckets = buckets;
    }

    @Override
    public void deleteCollection(String collectionId, Instant at) {
        collections.load(collectionId).execute(collection -> collection.deleteWithItsNamespace(at));
    }

    @Override
    public void deleteBucket(String bucketId, Instant at) {
        buckets.load(bucketId).execute(bucket -> bucket.deleteWithItsNamespace(at));
    }
}
