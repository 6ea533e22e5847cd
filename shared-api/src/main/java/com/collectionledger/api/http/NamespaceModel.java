package com.collectionledger.api.http;

import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.NamespaceView;

import java.time.Instant;
import java.util.List;

public record NamespaceModel(String namespaceId, String namespaceName, String description,
                             List<ExtractorRef> featureExtractors, Instant createdAt, Instant updatedAt) {

    public static NamespaceModel from(NamespaceView view) {
        return new NamespaceModel(view.namespaceId(), view.namespaceName(), view.description(),
                view.featureExtractors(), view.createdAt(), view.updatedAt());
    }
}
