package com.collectionledger.command.namespace;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.DeleteNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloneOutcome;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.api.namespace.UpdateNamespaceCommand;
import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.collection.rules.DescriptiveFields;
import com.collectionledger.command.collection.rules.ExtractorParameters;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Names;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A tenant's space: its name is unique service-wide and it lists the extractors its collections may
 * use. Its deletion deletes its buckets and collections with it, as Mixpeek's does.
 */
@Aggregate
public class Namespace {

    static final String ID_PREFIX = "ns_";

    @AggregateIdentifier
    private String namespaceId;
    private String namespaceName;
    private String description;
    private List<ExtractorRef> featureExtractors;
    private List<PayloadIndex> payloadIndexes;
    private boolean autoCreateIndexes;
    private long version;
    private boolean deleted;

    protected Namespace() {
        // for Axon
    }

    @CommandHandler
    public Namespace(CreateNamespaceCommand command, Directory directory, ExtractorCatalog catalog, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        Names.check("namespace_name", command.namespaceName(), ID_PREFIX).ifPresent(violations::add);
        DescriptiveFields.checkDescription(command.description(), violations);
        checkExtractors(command.featureExtractors(), catalog, violations);
        PayloadIndexRules.check(command.payloadIndexes(), violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (directory.namespaceNameTaken(command.namespaceName())) {
            throw DomainException.nameTaken("namespace", command.namespaceName());
        }
        apply(new NamespaceCreated(command.namespaceId(), command.namespaceName(), command.description(),
                command.featureExtractors(), command.payloadIndexes(),
                Boolean.TRUE.equals(command.autoCreateIndexes()), clock.instant()));
    }

    /**
     * PATCH and PUT. A new name follows the rules of create; a new extractor list too, and it must
     * keep, with the same params, every extractor that live collections of the namespace use.
     */
    @CommandHandler
    public CommandOutcome handle(UpdateNamespaceCommand command, Directory directory, ExtractorCatalog catalog,
                                 Clock clock) {
        requireLive();
        String name = Objects.requireNonNullElse(command.namespaceName(), namespaceName);
        List<Violation> violations = new ArrayList<>();
        if (!name.equals(namespaceName)) {
            Names.check("namespace_name", name, ID_PREFIX).ifPresent(violations::add);
        }
        DescriptiveFields.checkDescription(command.description(), violations);
        if (command.featureExtractors() != null) {
            checkExtractors(command.featureExtractors(), catalog, violations);
        }
        PayloadIndexRules.check(command.payloadIndexes(), violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        String nextDescription = command.description() != null ? command.description() : description;
        List<ExtractorRef> extractors = Objects.requireNonNullElse(command.featureExtractors(), featureExtractors);
        List<PayloadIndex> indexes = Objects.requireNonNullElse(command.payloadIndexes(), payloadIndexes);
        boolean autoCreate = Objects.requireNonNullElse(command.autoCreateIndexes(), autoCreateIndexes);
        List<String> changed = new ArrayList<>();
        if (!name.equals(namespaceName)) changed.add("namespace_name");
        if (!Objects.equals(nextDescription, description)) changed.add("description");
        if (!extractors.equals(featureExtractors)) changed.add("feature_extractors");
        if (!indexes.equals(payloadIndexes)) changed.add("payload_indexes");
        if (autoCreate != autoCreateIndexes) changed.add("auto_create_indexes");
        if (changed.isEmpty()) {
            return new CommandOutcome(namespaceId, version);
        }
        if (changed.contains("namespace_name") && directory.namespaceNameTaken(name)) {
            throw DomainException.nameTaken("namespace", name);
        }
        if (changed.contains("feature_extractors")) {
            requireExtractorsInUseKept(extractors, directory);
        }
        apply(new NamespaceUpdated(namespaceId, changed, name, nextDescription, extractors, indexes, autoCreate,
                clock.instant()));
        return new CommandOutcome(namespaceId, version);
    }

    /** Deletes the namespace and every live bucket and collection in it, in one transaction. */
    @CommandHandler
    public CommandOutcome handle(DeleteNamespaceCommand command, Directory directory, NamespaceCascade cascade,
                                 Clock clock) {
        requireLive();
        directory.lockNamespace(namespaceId);
        Instant now = clock.instant();
        List<String> collections = directory.liveCollections(namespaceId).stream()
                .map(Directory.CollectionEntry::collectionId).toList();
        List<String> buckets = directory.buckets(namespaceId).stream().map(Directory.BucketEntry::bucketId).toList();
        collections.forEach(id -> cascade.deleteCollection(id, now));
        buckets.forEach(id -> cascade.deleteBucket(id, now));
        apply(new NamespaceDeleted(namespaceId, namespaceName, buckets, collections, now));
        return new CommandOutcome(namespaceId, version);
    }

    private static void checkExtractors(List<ExtractorRef> extractors, ExtractorCatalog catalog,
                                        List<Violation> violations) {
        if (extractors.isEmpty()) {
            violations.add(Violation.at("feature_extractors must list at least one extractor", "missing",
                    "feature_extractors"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < extractors.size(); i++) {
            ExtractorRef ref = extractors.get(i);
            String index = String.valueOf(i);
            if (ref == null || ref.featureExtractorName() == null || ref.version() == null) {
                violations.add(Violation.at("feature_extractor_name and version are required", "missing",
                        "feature_extractors", index));
            } else if (catalog.find(ref.id()).isEmpty()) {
                violations.add(Violation.at("feature extractor '" + ref.id() + "' is not in the catalog",
                        "not_found", "feature_extractors", index));
            } else if (!seen.add(ref.id())) {
                violations.add(Violation.at("feature extractor '" + ref.id() + "' is listed twice",
                        "value_error", "feature_extractors", index));
            } else {
                ExtractorParameters.check(catalog.find(ref.id()).get(), ref.params(), violations,
                        "feature_extractors", index, "params");
            }
        }
    }

    /**
     * The collections' vectors were made with an extractor and its params (locked for the namespace,
     * as in Mixpeek): while a live collection uses one, it stays, unchanged. The namespace's lock keeps
     * a new user of a removed extractor from committing meanwhile.
     */
    private void requireExtractorsInUseKept(List<ExtractorRef> next, Directory directory) {
        directory.lockNamespace(namespaceId);
        Map<String, ExtractorRef> before = byId(featureExtractors);
        Map<String, ExtractorRef> after = byId(next);
        List<Directory.CollectionEntry> broken = directory.liveCollections(namespaceId).stream()
                .filter(c -> !Objects.equals(before.get(c.featureExtractorId()), after.get(c.featureExtractorId())))
                .toList();
        if (!broken.isEmpty()) {
            List<String> extractors = broken.stream().map(Directory.CollectionEntry::featureExtractorId).distinct()
                    .sorted().toList();
            throw DomainException.usedBy("feature_extractors must keep " + extractors + ", with their params, while "
                    + "live collections use them: " + DomainException.names(broken), broken,
                    Map.of("feature_extractor_ids", extractors));
        }
    }

    private static Map<String, ExtractorRef> byId(List<ExtractorRef> refs) {
        return refs.stream().collect(Collectors.toMap(ExtractorRef::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    private void requireLive() {
        if (deleted) {
            throw DomainException.notFound("namespace", namespaceId);
        }
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
        requireLive();
        NamespaceClone.checkRequest(command, directory); // before loading every bucket and collection
        directory.lockNamespace(namespaceId); // nothing joins the namespace, nor do its buckets change, until this commits
        List<Bucket.CloneSource> buckets = directory.buckets(namespaceId).stream()
                .map(bucket -> members.bucket(bucket.bucketId())).toList();
        List<Collection.CloneSource> collections = !command.includeCollections() ? List.of()
                : directory.liveCollections(namespaceId).stream()
                .map(collection -> members.collection(collection.collectionId())).toList();
        NamespaceClone.Source source = new NamespaceClone.Source(namespaceId, description, featureExtractors,
                payloadIndexes, autoCreateIndexes);
        NamespaceClone.Plan plan = NamespaceClone.plan(command, source, buckets, collections, directory, catalog,
                clock.instant());
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
    void on(NamespaceCreated event, @SequenceNumber long sequence) {
        namespaceId = event.namespaceId();
        namespaceName = event.namespaceName();
        description = event.description();
        featureExtractors = event.featureExtractors();
        payloadIndexes = event.payloadIndexes();
        autoCreateIndexes = event.autoCreateIndexes();
        version = sequence;
    }

    @EventSourcingHandler
    void on(NamespaceUpdated event, @SequenceNumber long sequence) {
        namespaceName = event.namespaceName();
        description = event.description();
        featureExtractors = event.featureExtractors();
        payloadIndexes = event.payloadIndexes();
        autoCreateIndexes = event.autoCreateIndexes();
        version = sequence;
    }

    @EventSourcingHandler
    void on(NamespaceDeleted event, @SequenceNumber long sequence) {
        deleted = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(NamespaceCloned event, @SequenceNumber long sequence) {
        on(event.asCreated(), sequence);
    }
}
