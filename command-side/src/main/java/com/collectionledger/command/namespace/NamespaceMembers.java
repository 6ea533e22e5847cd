package com.collectionledger.command.namespace;

import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.collection.Collection;

/**
 * The buckets and collections of a namespace as their own aggregates hold them now, loaded in the
 * caller's unit of work. A namespace clone copies them from here.
 */
public interface NamespaceMembers {

    Bucket.CloneSource bucket(String bucketId);

    Collection.CloneSource collection(String collectionId);
}
