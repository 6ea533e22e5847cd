package com.collectionledger.service.rest.model;

import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FeatureExtractorView;
import com.collectionledger.api.schema.ObjectSchema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mixpeek's CollectionResponse, plus this service's {@code lineage} and {@code version}. The counts are
 * what a control plane knows: it holds no documents and no retrievers, and a collection's output schema
 * never changes after creation (a new one is a clone), so its {@code schema_version} stays 1.
 */
public record CollectionModel(String collectionId, String namespaceId, String collectionName, String description,
                              SourceConfig source, ObjectSchema inputSchema, ObjectSchema outputSchema,
                              FeatureExtractorModel featureExtractor, boolean enabled, Map<String, Object> metadata,
                              List<TaxonomyApplication> taxonomyApplications,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ObjectSchema> sourceBucketSchemas,
                              List<SourceLineageModel> sourceLineage,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> vectorIndexes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> payloadIndexes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) CollectionSchedule schedule,
                              int documentCount, int schemaVersion, int taxonomyCount, int retrieverCount,
                              Lineage lineage, long version, Instant createdAt, Instant updatedAt) {

    /** The output schema is fixed at creation: PATCH cannot change what derives it. */
    public static final int SCHEMA_VERSION = 1;

    public record FeatureExtractorModel(String featureExtractorName, String version, String featureExtractorId,
                                        Map<String, Object> parameters, Map<String, String> inputMappings,
                                        List<FieldPassthrough> fieldPassthrough, boolean includeAllSourceFields) {

        public static FeatureExtractorModel from(FeatureExtractorConfig extractor) {
            return new FeatureExtractorModel(extractor.featureExtractorName(), extractor.version(),
                    extractor.featureExtractorId(), extractor.parameters() == null ? Map.of() : extractor.parameters(),
                    extractor.inputMappings(), extractor.fieldPassthrough(), extractor.includeAllSourceFields());
        }
    }

    /** Mixpeek's SingleLineageEntry: one processing tier, root first. */
    public record SourceLineageModel(SourceConfig sourceConfig, FeatureExtractorModel featureExtractor,
                                     ObjectSchema outputSchema) {

        public static List<SourceLineageModel> from(List<SourceLineageEntry> tiers) {
            return tiers.stream().map(tier -> new SourceLineageModel(tier.sourceConfig(),
                    FeatureExtractorModel.from(tier.featureExtractor()), tier.outputSchema())).toList();
        }
    }

    /**
     * The collection as a response. {@code extractor} is its extractor's catalog entry, which gives the
     * vector and payload indexes; without it (an extractor the catalog no longer has) they are left out.
     */
    public static CollectionModel from(CollectionView view, FeatureExtractorView extractor) {
        var config = view.config();
        return new CollectionModel(view.collectionId(), view.namespaceId(), view.collectionName(),
                config.description(), config.source(), view.schemas().inputSchema(),
                view.schemas().outputSchema(),
                FeatureExtractorModel.from(config.featureExtractor()),
                config.enabled(), config.metadata(), config.taxonomyApplications(),
                view.schemas().sourceBucketSchemas(), SourceLineageModel.from(view.schemas().sourceLineage()),
                extractor == null ? null : extractor.collectionVectorIndexes(),
                extractor == null ? null : extractor.requiredPayloadIndexes(),
                config.schedule(), 0, SCHEMA_VERSION, config.taxonomyApplications().size(), 0,
                view.lineage(), view.version(), view.createdAt(), view.updatedAt());
    }
}
