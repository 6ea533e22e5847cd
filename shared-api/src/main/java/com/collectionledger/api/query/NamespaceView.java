package com.collectionledger.api.query;

import com.collectionledger.api.namespace.ExtractorRef;

import java.time.Instant;
import java.util.List;

public record NamespaceView(String namespaceId, String namespaceName, String description,
                            List<ExtractorRef> featureExtractors, Instant createdAt, Instant updatedAt) {
}
