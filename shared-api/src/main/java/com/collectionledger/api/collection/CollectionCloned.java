package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The first event of a clone. It is self-contained: a projection can build the clone's view,
 * lineage included, without having seen the source's events (events are ordered per aggregate only).
 *
 * @param ancestry the clone's ancestors, nearest first (the source, then the collection the source was cloned
 *                 from, ...), at most {@link #ANCESTRY_DEPTH} of them; the source's own ancestry never changes,
 *                 so the source decides it once and every reader of this event agrees. Null in events
 *                 written before it was recorded.
 */
@Revision("2")
public record CollectionCloned(String collectionId, String sourceCollectionId, String sourceCollectionName,
                               long sourceVersion, String rootCollectionId, int generation, String namespaceId,
                               String collectionName, CollectionConfig config, List<String> overriddenFields,
                               CollectionSchemas schemas, Instant clonedAt, List<String> ancestry) {

    /**
     * How many ancestors a clone records: one more than the default depth of a lineage walk, so a walk of
     * that depth can tell whether the tree goes deeper.
     */
    public static final int ANCESTRY_DEPTH = 101;

    public CollectionCloned {
        overriddenFields = List.copyOf(overriddenFields);
        ancestry = ancestry == null ? null : List.copyOf(ancestry);
    }

    /** The ancestry of a clone of a collection whose own ancestry is {@code sourceAncestry}. */
    public static List<String> ancestryOfCloneOf(String sourceCollectionId, List<String> sourceAncestry) {
        List<String> ancestry = new java.util.ArrayList<>(ANCESTRY_DEPTH);
        ancestry.add(sourceCollectionId);
        for (int i = 0; i < sourceAncestry.size() && ancestry.size() < ANCESTRY_DEPTH; i++) {
            ancestry.add(sourceAncestry.get(i));
        }
        return ancestry;
    }
}
