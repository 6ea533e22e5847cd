package com.collectionledger.api.query;

/**
 * The clone lineage of one collection of a namespace, by ID (also when deleted) or by a live name;
 * answers a {@link CollectionLineage}, or null when the namespace has no such collection.
 *
 * @param ancestors   whether to walk up the clone chain towards the root
 * @param descendants whether to walk down the clone tree
 * @param maxDepth    how many clone steps either walk goes at most (1 = the parent, or the direct clones)
 * @param offset      where the page of descendants starts, in breadth-first order
 * @param limit       how many descendants the page holds at most
 */
public record CollectionLineageQuery(String namespaceId, String identifier, boolean ancestors, boolean descendants,
                                     int maxDepth, int offset, int limit) {

    /** The deepest walk a query may ask for. */
    public static final int MAX_DEPTH = 10_000;
    public static final int DEFAULT_MAX_DEPTH = 100;

    public CollectionLineageQuery {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + MAX_DEPTH + ": " + maxDepth);
        }
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must not be negative and limit must be positive");
        }
    }
}
