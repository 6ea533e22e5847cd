package com.collectionledger.command.namespace;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloneOutcome;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.Collection;
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
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** A tenant's space: its name is unique service-wide and it lists the extractors its collections may use. */
@Aggregate
public class Namespace {

    static final String ID_PREFIX = "ns_";

    @AggregateIdentifier
    private String namespaceId;
    private String description;
    private List<ExtractorRef> featureExtractors;

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

    /** A namespace made by a clone: its first event is the one its source decided on. */
    Namespace(NamespaceCloned cloned) {
        apply(cloned);
    }

    /**
     * Clones this namespace with its buckets and (unless left out) its live collections, each as the
     * first event of a new aggregate, all in this command's unit of work: one transaction appends every
     * event and writes every directory row, or none.
     */
    @CommandHandler
    public NamespaceCloneOutcome handle(CloneNamespaceCommand command, Directory directory, ExtractorCatalog catalog,
                                        NamespaceMembers members, Clock clock) throws Exception {
        NamespaceClone.checkRequest(command, directory); // before loading every bucket and collection
        List<Bucket.CloneSource> buckets = directory.buckets(namespaceId).stream()
                .map(bucket -> members.bucket(bucket.bucketId())).toList();
        List<Collection.CloneSource> collections = !command.includeCollections() ? List.of()
                : directory.liveCollections(namespaceId).stream()
                .map(collection -> members.collection(collection.collectionId())).toList();
        NamespaceClone.Plan plan = NamespaceClone.plan(command,
                new NamespaceClone.Source(namespaceId, description, featureExtractors), buckets, collections,
                directory, catalog, clock.instant());
        createNew(Namespace.class, () -> new Namespace(plan.namespace()));
        for (BucketCloned cloned : plan.buckets()) {
            createNew(Bucket.class, () -> Bucket.fromClone(cloned));
        }
        for (CollectionCloned cloned : plan.collections()) {
            createNew(Collection.class, () -> Collection.fromClone(cloned));
        }
        return plan.outcome();
    }

    @EventSourcingHandler
    void on(NamespaceCreated event) {
        namespaceId = event.namespaceId();
        description = event.description();
        featureExtractors = event.featureExtractors();
    }

    @EventSourcingHandler
    void on(NamespaceCloned event) {
        on(event.asCreated());
    }
}
