package com.collectionledger.api.collection;

/**
 * Where a collection came from: the collection it was cloned from (null for an original), the
 * original at the root of its clone tree, and how many clones away from that root it is.
 */
public record Lineage(ClonedFrom clonedFrom, String rootCollectionId, int generation) {

    public static Lineage original(String collectionId) {
        return new Lineage(null, collectionId, 0);
    }

    public record ClonedFrom(String collectionId, String collectionName, long sourceVersion,
                             java.time.Instant clonedAt) {
    }
}
