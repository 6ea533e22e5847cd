package com.collectionledger.api.namespace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code payloadIndexes} and {@code autoCreateIndexes} may be null (none, false). */
public record CreateNamespaceCommand(@TargetAggregateIdentifier String namespaceId, String namespaceName,
                                     String description, List<ExtractorRef> featureExtractors,
                                     List<PayloadIndex> payloadIndexes, Boolean autoCreateIndexes) {

    public CreateNamespaceCommand {
        // Copies that keep null items: the Namespace rejects them as a 422 at their index.
        featureExtractors = featureExtractors == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(featureExtractors));
        payloadIndexes = payloadIndexes == null ? null : Collections.unmodifiableList(new ArrayList<>(payloadIndexes));
    }

    public CreateNamespaceCommand(String namespaceId, String namespaceName, String description,
                                  List<ExtractorRef> featureExtractors) {
        this(namespaceId, namespaceName, description, featureExtractors, null, null);
    }
}
