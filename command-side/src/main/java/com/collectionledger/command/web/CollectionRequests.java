package com.collectionledger.command.web;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.schema.ObjectSchema;

import java.util.List;
import java.util.Map;

/** The bodies of the collection write routes, as Mixpeek clients send them. */
final class CollectionRequests {

    private CollectionRequests() {
    }

    /** A source as sent: {@code bucket_id} is accepted as a one-item {@code bucket_ids}. */
    record SourceRequest(String type, List<String> bucketIds, String bucketId, String collectionId,
                         List<String> collectionIds, Map<String, Object> sourceFilters) {

        SourceConfig toConfig() {
            List<String> buckets = bucketIds;
            if ((buckets == null || buckets.isEmpty()) && bucketId != null) {
                buckets = List.of(bucketId);
            }
            return new SourceConfig(type, buckets, collectionId, collectionIds, sourceFilters);
        }

        static SourceConfig toConfig(SourceRequest request) {
            return request == null ? null : request.toConfig();
        }
    }

    record CreateCollectionRequest(String collectionName, String description, SourceRequest source,
                                   FeatureExtractorConfig featureExtractor, Boolean enabled,
                                   Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                                   ObjectSchema inputSchema) {

        CollectionConfig toConfig() {
            return new CollectionConfig(description, SourceRequest.toConfig(source), featureExtractor, enabled,
                    metadata, taxonomyApplications);
        }
    }

    record CloneCollectionRequest(String collectionName, String description, SourceRequest source,
                                  FeatureExtractorConfig featureExtractor, Boolean enabled,
                                  Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications) {

        CollectionOverrides toOverrides() {
            return new CollectionOverrides(description, SourceRequest.toConfig(source), featureExtractor, enabled,
                    metadata, taxonomyApplications);
        }
    }

    record PatchCollectionRequest(String collectionName, String description, Boolean enabled,
                                  Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications) {
    }

    record CloneResponse(com.collectionledger.api.http.CollectionModel collection, String sourceCollectionId) {
    }
}
