package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A PATCH (or PUT) of a namespace: each non-null field replaces the current value whole; null keeps it.
 * {@code featureExtractors}, when given, is the full new list of enabled extractors.
 */
public record UpdateNamespaceCommand(@TargetAggregateIdentifier String namespaceId, String namespaceName,
                                     String description, List<ExtractorRef> featureExtractors,
                                     List<PayloadIndex> payloadIndexes, Boolean autoCreateIndexes) {

    public UpdateNamespaceCommand {
        featureExtractors = featureExtractors == null ? null
                : Collections.unmodifiableList(new ArrayList<>(featureExtractors));
        payloadIndexes = payloadIndexes == null ? null : Collections.unmodifiableList(new ArrayList<>(payloadIndexes));
    }
}
