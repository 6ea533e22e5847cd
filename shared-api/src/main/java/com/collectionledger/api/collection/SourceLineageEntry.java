package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One upstream step of a collection's processing chain: a set of buckets, or a collection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceLineageEntry(String sourceType, List<String> sourceIds, String collectionName,
                                 String featureExtractorId) {

    public SourceLineageEntry {
        sourceIds = List.copyOf(sourceIds);
    }
}
