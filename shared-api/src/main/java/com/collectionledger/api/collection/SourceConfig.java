package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Where a collection's input comes from: buckets ({@code type=bucket}) or other collections
 * ({@code type=collection}). Absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceConfig(String type, List<String> bucketIds, String collectionId, List<String> collectionIds,
                           Map<String, Object> sourceFilters) {

    public static final String BUCKET = "bucket";
    public static final String COLLECTION = "collection";

    public static SourceConfig buckets(List<String> bucketIds) {
        return new SourceConfig(BUCKET, bucketIds, null, null, null);
    }

    public static SourceConfig collection(String collectionId) {
        return new SourceConfig(COLLECTION, null, collectionId, null, null);
    }

    /** Every collection this source reads from, whether given as {@code collection_id} or {@code collection_ids}. */
    public List<String> sourceCollectionIds() {
        if (!COLLECTION.equals(type)) {
            return List.of();
        }
        if (collectionIds != null && !collectionIds.isEmpty()) {
            return collectionIds;
        }
        return collectionId == null ? List.of() : List.of(collectionId);
    }
}
