package com.collectionledger.api.query;

import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.collection.SourceLineageEntry;

import java.time.Instant;
import java.util.List;

/**
 * Where a collection came from and what was cloned from it, read from the collection view.
 * Deleted collections stay in both directions, marked {@code deleted}.
 *
 * @param sourceLineage the processing lineage (root first): the buckets and collections whose documents
 *                      flow into this one, which is not the same as the clone chain
 * @param ancestors     the clone chain, nearest first (depth 1 is the collection it was cloned from);
 *                      null when not asked for
 * @param descendants   one page of the clone tree below it, breadth first; null when not asked for
 * @param fromTemplate  the template the collection was instantiated from; null when it was not
 */
public record CollectionLineage(String collectionId, String collectionName, boolean deleted, String rootCollectionId,
                                int generation, List<SourceLineageEntry> sourceLineage, Ancestors ancestors,
                                Descendants descendants, Lineage.FromTemplate fromTemplate) {

    public CollectionLineage {
        sourceLineage = sourceLineage == null ? List.of() : List.copyOf(sourceLineage);
    }

    /** {@code truncated}: the depth cap stopped the walk before the root. */
    public record Ancestors(List<Ancestor> entries, boolean truncated) {

        public Ancestors {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One collection up the chain. {@code sourceVersion} and {@code clonedAt}: which version of it the
     * collection one step nearer (depth - 1) copied, and when. {@code visible} false: it lies in a
     * namespace the caller may not use (a namespace clone's original), so only its ID is shown.
     */
    public record Ancestor(int depth, String collectionId, String collectionName, int generation,
                           long sourceVersion, Instant clonedAt, boolean deleted, boolean visible) {

        public Ancestor hidden() {
            return new Ancestor(depth, collectionId, null, generation, sourceVersion, clonedAt, deleted, false);
        }
    }

    /**
     * A page of the clone tree in (depth, collection ID) order. {@code total}: how many descendants the
     * walk found within the depth cap, null when not asked for; {@code truncated}: some lie deeper than the cap;
     * {@code next}: where the next page starts, null on the last.
     */
    public record Descendants(List<Descendant> entries, Long total, boolean truncated, Position next) {

        public Descendants {
            entries = List.copyOf(entries);
        }
    }

    /** A place in the clone tree's (depth, collection ID) order: a page starts after it. */
    public record Position(int depth, String collectionId) {

        public Position {
            if (depth < 1 || collectionId == null) {
                throw new IllegalArgumentException("a position needs a depth of 1 or more and a collection ID");
            }
        }
    }

    /**
     * One clone below the collection: {@code clonedFrom} is its parent, at {@code depth - 1}.
     * {@code visible} as in {@link Ancestor}.
     */
    public record Descendant(int depth, String collectionId, String collectionName, String clonedFrom,
                             int generation, long sourceVersion, Instant clonedAt, boolean deleted, boolean visible) {

        public Descendant hidden() {
            return new Descendant(depth, collectionId, null, clonedFrom, generation, sourceVersion, clonedAt, deleted,
                    false);
        }
    }
}
