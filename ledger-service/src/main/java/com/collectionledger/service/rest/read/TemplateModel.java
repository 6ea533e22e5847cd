package com.collectionledger.service.rest.read;

import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.service.rest.model.CollectionModel.FeatureExtractorModel;
import com.collectionledger.api.query.TemplateView;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mixpeek's BaseTemplateModel for a collection template. {@code internal_id} is the template's
 * namespace (a template is visible only there; Mixpeek's organizations have no equivalent here);
 * {@code created_by} is the API key that captured it. Plus this service's {@code namespace_id},
 * {@code source_collection_name} and {@code source_version}: which version of the collection it captured.
 */
record TemplateModel(String templateId, String templateType, String mode, String scope, String internalId,
                     String name, String description, String category, Configuration configuration,
                     List<String> tags, boolean isActive, boolean isPublic, List<String> useCases,
                     List<String> requirements, String createdBy, String sourceResourceId, String sampleNamespaceId,
                     Instant createdAt, Instant updatedAt, String namespaceId, String sourceCollectionName,
                     long sourceVersion) {

    /** What an instantiation copies: the collection's configuration and the input schema it read. */
    record Configuration(String description, SourceConfig source, FeatureExtractorModel featureExtractor,
                         boolean enabled, Map<String, Object> metadata, List<TaxonomyApplication> taxonomyApplications,
                         ObjectSchema inputSchema) {
    }

    static TemplateModel from(TemplateView view) {
        var config = view.configuration();
        FeatureExtractorModel extractor = FeatureExtractorModel.from(config.featureExtractor());
        return new TemplateModel(view.templateId(), "collection", "config", view.scope(), view.namespaceId(),
                view.templateName(), view.description(), view.category(),
                new Configuration(config.description(), config.source(), extractor, config.enabled(),
                        config.metadata(), config.taxonomyApplications(), view.inputSchema()),
                view.tags(), true, false, List.of(),
                List.of("feature extractor " + extractor.featureExtractorId() + " enabled in the namespace"),
                view.createdBy(), view.sourceCollectionId(), null, view.createdAt(), view.updatedAt(),
                view.namespaceId(), view.sourceCollectionName(), view.sourceVersion());
    }
}
