package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a collection came from: the collection it was cloned from (null for an original), the
 * original at the root of its clone tree, how many clones away from that root it is, and, for a
 * collection instantiated from a template, that template (null otherwise; left out of the JSON).
 */
public record Lineage(ClonedFrom clonedFrom, String rootCollectionId, int generation,
                      @JsonInclude(JsonInclude.Include.NON_NULL) FromTemplate fromTemplate) {

    public Lineage(ClonedFrom clonedFrom, String rootCollectionId, int generation) {
        this(clonedFrom, rootCollectionId, generation, null);
    }

    public static Lineage original(String collectionId) {
        return new Lineage(null, collectionId, 0);
    }

    public record ClonedFrom(String collectionId, String collectionName, long sourceVersion,
                             java.time.Instant clonedAt) {
    }

    /** The template a collection was made from, and the collection (at which version) the template captured. */
    public record FromTemplate(String templateId, String templateName, String sourceCollectionId,
                               String sourceCollectionName, long sourceVersion) {
    }
}
