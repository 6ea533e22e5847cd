package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record CreateNamespaceCommand(@TargetAggregateIdentifier String namespaceId, String namespaceName,
                                     String description, List<ExtractorRef> featureExtractors) {

    public CreateNamespaceCommand {
        featureExtractors = featureExtractors == null ? List.of() : List.copyOf(featureExtractors);
    }
}
