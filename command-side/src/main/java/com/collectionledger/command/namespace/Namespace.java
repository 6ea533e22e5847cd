package com.collectionledger.command.namespace;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.ConfigurationRules;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Names;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant's space: its name is unique service-wide and it lists the extractors its collections may use. */
@Aggregate
public class Namespace {

    static final String ID_PREFIX = "ns_";

    @AggregateIdentifier
    private String namespaceId;

    protected Namespace() {
        // for Axon
    }

    @CommandHandler
    public Namespace(CreateNamespaceCommand command, Directory directory, ExtractorCatalog catalog, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        Names.check("namespace_name", command.namespaceName(), ID_PREFIX).ifPresent(violations::add);
        ConfigurationRules.checkDescription(command.description(), violations);
        if (command.featureExtractors().isEmpty()) {
            violations.add(Violation.at("feature_extractors must list at least one extractor", "missing",
                    "body", "feature_extractors"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.featureExtractors().size(); i++) {
            ExtractorRef ref = command.featureExtractors().get(i);
            String index = String.valueOf(i);
            if (ref == null || ref.featureExtractorName() == null || ref.version() == null) {
                violations.add(Violation.at("feature_extractor_name and version are required", "missing",
                        "body", "feature_extractors", index));
            } else if (catalog.find(ref.id()).isEmpty()) {
                violations.add(Violation.at("feature extractor '" + ref.id() + "' is not in the catalog",
                        "not_found", "body", "feature_extractors", index));
            } else if (!seen.add(ref.id())) {
                violations.add(Violation.at("feature extractor '" + ref.id() + "' is listed twice",
                        "value_error", "body", "feature_extractors", index));
            } else {
                ConfigurationRules.checkParameters(catalog.find(ref.id()).get(), ref.params(), violations,
                        "body", "feature_extractors", index, "params");
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (directory.namespaceNameTaken(command.namespaceName())) {
            throw DomainException.nameTaken("namespace", command.namespaceName());
        }
        apply(new NamespaceCreated(command.namespaceId(), command.namespaceName(), command.description(),
                command.featureExtractors(), clock.instant()));
    }

    @EventSourcingHandler
    void on(NamespaceCreated event) {
        namespaceId = event.namespaceId();
    }
}
