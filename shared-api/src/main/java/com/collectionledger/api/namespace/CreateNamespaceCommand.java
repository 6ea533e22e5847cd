package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public record CreateNamespaceCommand(@TargetAggregateIdentifier String namespaceId, String namespaceName,
                                     String description, List<ExtractorRef> featureExtractors) {

    public CreateNamespaceCommand {
        // A copy that keeps null items: the Namespace rejects them as a 422 at their index.
        featureExtractors = featureExtractors == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(featureExtractors));
    }
}
