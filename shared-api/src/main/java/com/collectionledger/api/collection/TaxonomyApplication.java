package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A taxonomy applied to the collection's documents; defaults as in Mixpeek. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxonomyApplication(String taxonomyId, String executionMode, String targetCollectionId,
                                  Integer executionPhase, Integer priority) {

    public TaxonomyApplication {
        executionMode = executionMode == null ? "materialize" : executionMode;
        executionPhase = executionPhase == null ? 1 : executionPhase;
        priority = priority == null ? 0 : priority;
    }
}
