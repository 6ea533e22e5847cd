package com.collectionledger.api.http;

import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.NamespaceView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Mixpeek's NamespaceModel. */
public record NamespaceModel(String namespaceId, String namespaceName, String description,
                             List<FeatureExtractorModel> featureExtractors, Instant createdAt, Instant updatedAt) {

    /** Mixpeek's BaseFeatureExtractorModel: the extractor, its catalog ID and its locked parameters. */
    public record FeatureExtractorModel(String featureExtractorName, String version, String featureExtractorId,
                                        Map<String, Object> params) {
    }

    public static NamespaceModel from(NamespaceView view) {
        return new NamespaceModel(view.namespaceId(), view.namespaceName(), view.description(),
                view.featureExtractors().stream().map(ref -> new FeatureExtractorModel(ref.featureExtractorName(),
                        ref.version(), ref.id(), ref.params())).toList(),
                view.createdAt(), view.updatedAt());
    }
}
