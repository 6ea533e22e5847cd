package com.collectionledger.service.rest.write;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.service.rest.InvalidRequest;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    /**
     * A feature extractor as sent. {@code input_mappings} comes in either of Mixpeek's forms: an object
     * {input: source field path}, or a list of InputMapping {input_key, source_type, path, override}.
     * This control plane maps inputs to source fields, so a list item must be a payload mapping (the
     * default source type) with a path; literal and vector inputs are a 422 that says so.
     */
    record FeatureExtractorRequest(String featureExtractorName, String version, Map<String, Object> parameters,
                                   JsonNode inputMappings, List<FieldPassthrough> fieldPassthrough,
                                   Boolean includeAllSourceFields) {

        FeatureExtractorConfig toConfig() {
            return new FeatureExtractorConfig(featureExtractorName, version, parameters, mappings(), fieldPassthrough,
                    includeAllSourceFields);
        }

        private Map<String, String> mappings() {
            if (inputMappings == null || inputMappings.isNull()) {
                return null;
            }
            List<Violation> violations = new ArrayList<>();
            Map<String, String> mappings = new LinkedHashMap<>();
            if (inputMappings.isObject()) {
                inputMappings.fields().forEachRemaining(entry -> {
                    if (entry.getValue().isTextual()) {
                        mappings.put(entry.getKey(), entry.getValue().asText());
                    } else {
                        violations.add(Violation.at("an input mapping is a source field path (a string)",
                                "type_error", at(entry.getKey())));
                    }
                });
            } else if (inputMappings.isArray()) {
                for (int i = 0; i < inputMappings.size(); i++) {
                    listItem(inputMappings.get(i), String.valueOf(i), mappings, violations);
                }
            } else {
                violations.add(Violation.at("input_mappings must be an object {input: source field path} or a list "
                        + "of {input_key, path}", "type_error", at()));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequest(violations);
            }
            return mappings;
        }

        private static void listItem(JsonNode item, String index, Map<String, String> mappings,
                                     List<Violation> violations) {
            JsonNode key = item.path("input_key");
            String sourceType = item.path("source_type").asText("payload");
            if (!key.isTextual() || key.asText().isBlank()) {
                violations.add(Violation.at("input_key is required", "missing", at(index, "input_key")));
            } else if (!sourceType.equals("payload")) {
                violations.add(Violation.at("source_type '" + sourceType + "' is not supported: this control plane "
                        + "maps extractor inputs to source fields only (source_type 'payload' with a path)",
                        "value_error", at(index, "source_type")));
            } else if (!item.path("path").isTextual() || item.path("path").asText().isBlank()) {
                violations.add(Violation.at("path is required: the source field this input reads", "missing",
                        at(index, "path")));
            } else if (mappings.putIfAbsent(key.asText(), item.path("path").asText()) != null) {
                violations.add(Violation.at("input '" + key.asText() + "' is mapped twice", "value_error",
                        at(index, "input_key")));
            }
        }

        /** The location of a violation inside input_mappings. */
        private static String[] at(String... inside) {
            return Stream.concat(Stream.of("body", "feature_extractor", "input_mappings"), Stream.of(inside))
                    .toArray(String[]::new);
        }

        static FeatureExtractorConfig toConfig(FeatureExtractorRequest request) {
            return request == null ? null : request.toConfig();
        }
    }

    record CreateCollectionRequest(String collectionName, String description, SourceRequest source,
                                   FeatureExtractorRequest featureExtractor, Boolean enabled,
                                   Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                                   ObjectSchema inputSchema, CollectionSchedule schedule) {

        CollectionConfig toConfig() {
            return new CollectionConfig(description, SourceRequest.toConfig(source),
                    FeatureExtractorRequest.toConfig(featureExtractor), enabled, metadata, taxonomyApplications,
                    schedule);
        }
    }

    /** Mixpeek's CloneCollectionRequest, plus {@code schedule} (copied from the source when omitted). */
    record CloneCollectionRequest(String collectionName, String description, SourceRequest source,
                                  FeatureExtractorRequest featureExtractor, Boolean enabled,
                                  Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                                  CollectionSchedule schedule) {

        CollectionOverrides toOverrides() {
            return new CollectionOverrides(description, SourceRequest.toConfig(source),
                    FeatureExtractorRequest.toConfig(featureExtractor), enabled, metadata, taxonomyApplications,
                    schedule);
        }
    }

    record PatchCollectionRequest(String collectionName, String description, Boolean enabled,
                                  Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications) {
    }

    record CloneResponse(com.collectionledger.service.rest.model.CollectionModel collection, String sourceCollectionId) {
    }
}
