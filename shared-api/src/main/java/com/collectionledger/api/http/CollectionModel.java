package com.collectionledger.api.http;

import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.schema.ObjectSchema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Mixpeek's CollectionModel, plus this service's {@code lineage} and {@code version}. */
public record CollectionModel(String collectionId, String namespaceId, String collectionName, String description,
                              SourceConfig source, ObjectSchema inputSchema, ObjectSchema outputSchema,
                              FeatureExtractorModel featureExtractor, boolean enabled, Map<String, Object> metadata,
                              List<TaxonomyApplication> taxonomyApplications,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ObjectSchema> sourceBucketSchemas,
                              List<SourceLineageEntry> sourceLineage, Lineage lineage, long version,
                              Instant createdAt, Instant updatedAt) {

    public record FeatureExtractorModel(String featureExtractorName, String version, String featureExtractorId,
                                        Map<String, Object> parameters, Map<String, String> inputMappings,
                                        List<FieldPassthrough> fieldPassthrough, boolean includeAllSourceFields) {

        public static FeatureExtractorModel from(FeatureExtractorConfig extractor) {
            return new FeatureExtractorModel(extractor.featureExtractorName(), extractor.version(),
                    extractor.featureExtractorId(), extractor.parameters() == null ? Map.of() : extractor.parameters(),
                    extractor.inputMappings(), extractor.fieldPassthrough(), extractor.includeAllSourceFields());
        }
    }

    public static CollectionModel from(CollectionView view) {
        var config = view.config();
        return new CollectionModel(view.collectionId(), view.namespaceId(), view.collectionName(),
                config.description(), config.source(), view.schemas().inputSchema(),
                view.schemas().outputSchema(),
                FeatureExtractorModel.from(config.featureExtractor()),
                config.enabled(), config.metadata(), config.taxonomyApplications(),
                view.schemas().sourceBucketSchemas(), view.schemas().sourceLineage(), view.lineage(), view.version(),
                view.createdAt(), view.updatedAt());
    }

}
