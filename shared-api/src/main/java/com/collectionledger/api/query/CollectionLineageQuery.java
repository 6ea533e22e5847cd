package com.collectionledger.api.query;

import java.util.List;

/**
 * The clone lineage of one collection of a namespace, by ID (also when deleted) or by a live name;
 * answers a {@link CollectionLineage}, or null when the namespace has no such collection.
 *
 * @param ancestors   whether to walk up the clone chain towards the root
 * @param descendants whether to walk down the clone tree
 * @param maxDepth    how many clone steps either walk goes at most (1 = the parent, or the direct clones)
 * @param offset      where the page of descendants starts, in breadth-first order, counted from {@code after}
 * @param limit       how many descendants the page holds at most
 * @param scope       the namespaces the caller may use (IDs, names, patterns with {@code *}); collections of
 *                    other namespaces in the lineage are shown by ID only. Null: every namespace.
 * @param after       the page starts after this descendant (the previous page's
 *                    {@link CollectionLineage.Descendants#next()}); null: from the first
 * @param countDescendants whether to count every descendant within the depth cap (which costs time in the size
 *                    of the tree; a page alone does not)
 */
public record CollectionLineageQuery(String namespaceId, String identifier, boolean ancestors, boolean descendants,
                                     int maxDepth, int offset, int limit, List<String> scope,
                                     CollectionLineage.Position after, boolean countDescendants) {

    /** The deepest walk a query may ask for. */
    public static final int MAX_DEPTH = 10_000;
    public static final int DEFAULT_MAX_DEPTH = 100;

    /** A query for a caller who may use every namespace, with the total of descendants. */
    public CollectionLineageQuery(String namespaceId, String identifier, boolean ancestors, boolean descendants,
                                  int maxDepth, int offset, int limit) {
        this(namespaceId, identifier, ancestors, descendants, maxDepth, offset, limit, null);
    }

    /** A query whose page of descendants starts at {@code offset}, with their total. */
    public CollectionLineageQuery(String namespaceId, String identifier, boolean ancestors, boolean descendants,
                                  int maxDepth, int offset, int limit, List<String> scope) {
        this(namespaceId, identifier, ancestors, descendants, maxDepth, offset, limit, scope, null, true);
    }

    public CollectionLineageQuery {
        scope = scope == null ? null : List.copyOf(scope);
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + MAX_DEPTH + ": " + maxDepth);
        }
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must not be negative and limit must be positive");
        }
    }
}
