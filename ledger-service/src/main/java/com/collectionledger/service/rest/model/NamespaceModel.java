package com.collectionledger.service.rest.model;

import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.api.query.NamespaceView;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mixpeek's NamespaceModel, with the fields this service knows. Every namespace here is a
 * {@code standard} one. The counts are sent only when they were counted; Mixpeek's
 * {@code document_count} and {@code object_count} are never sent, since a control plane holds no
 * documents or objects.
 */
public record NamespaceModel(String namespaceId, String namespaceName, String namespaceType, String description,
                             List<FeatureExtractorModel> featureExtractors, List<PayloadIndexModel> payloadIndexes,
                             boolean autoCreateIndexes,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long bucketCount,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long collectionCount,
                             Instant createdAt, Instant updatedAt) {

    public static final String STANDARD = "standard";

    /** Mixpeek's BaseFeatureExtractorModel: the extractor, its catalog ID and its locked parameters. */
    public record FeatureExtractorModel(String featureExtractorName, String version, String featureExtractorId,
                                        Map<String, Object> params) {
    }

    /** Mixpeek's PayloadIndexConfig as it answers it: {@code is_protected} is always present. */
    public record PayloadIndexModel(String fieldName, String type, Map<String, Object> fieldSchema,
                                    boolean isProtected) {
    }

    public static NamespaceModel from(NamespaceView view) {
        List<PayloadIndex> indexes = view.payloadIndexes() == null ? List.of() : view.payloadIndexes();
        return new NamespaceModel(view.namespaceId(), view.namespaceName(), STANDARD, view.description(),
                view.featureExtractors().stream().map(ref -> new FeatureExtractorModel(ref.featureExtractorName(),
                        ref.version(), ref.id(), ref.params())).toList(),
                indexes.stream().map(index -> new PayloadIndexModel(index.fieldName(), index.type(),
                        index.fieldSchema(), Boolean.TRUE.equals(index.isProtected()))).toList(),
                Boolean.TRUE.equals(view.autoCreateIndexes()), view.bucketCount(), view.collectionCount(),
                view.createdAt(), view.updatedAt());
    }
}
