package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.DeleteCollectionCommand;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.rules.ConfigurationRules;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A collection's configuration. Create and clone check the whole configuration with the same
 * {@link ConfigurationRules}, so a clone never escapes a rule that create enforces, and a patch checks
 * the fields it changes with them; when cloned, it creates the clone as a new aggregate of its own.
 */
// A snapshot stores the fields of this state, which are its contract: its serializer reads fields, not getters.
// The revision names that contract; a snapshot of another revision is skipped and the events are read instead.
// Its repository (command.config) caches it, locks it optimistically and snapshots it.
@org.axonframework.serialization.Revision("2")
@Aggregate(repository = "collectionRepository")
public class Collection {

    @AggregateIdentifier
    private String collectionId;
    private String namespaceId;
    private String collectionName;
    private CollectionConfig config;
    private ObjectSchema inputSchema;
    /** Every version's configuration, so a clone can copy the collection as it was. */
    private final NavigableMap<Long, Revision> revisions = new TreeMap<>();
    private String rootCollectionId;
    private int generation;
    /** Ancestors nearest first, as {@link CollectionCloned#ancestry()}; null when the events did not record them. */
    private List<String> ancestry;
    private long version;
    private boolean deleted;

    protected Collection() {
        // for Axon
    }

    /**
     * Another instance with this state, sharing nothing an event changes: the aggregate cache gives each
     * unit of work its own. Every field is copied; the values themselves are immutable.
     */
    public Collection copy() {
        Collection copy = new Collection();
        copy.collectionId = collectionId;
        copy.namespaceId = namespaceId;
        copy.collectionName = collectionName;
        copy.config = config;
        copy.inputSchema = inputSchema;
        copy.revisions.putAll(revisions);
        copy.rootCollectionId = rootCollectionId;
        copy.generation = generation;
        copy.ancestry = ancestry;
        copy.version = version;
        copy.deleted = deleted;
        return copy;
    }

    @CommandHandler
    public Collection(CreateCollectionCommand command, Directory directory, ExtractorCatalog catalog, Clock clock) {
        CollectionNames.require(directory, command.namespaceId(), command.collectionName());
        CollectionSchemas schemas = new ConfigurationRules(directory, catalog)
                .validate(command.collectionId(), command.namespaceId(), command.config(), command.inputSchema());
        apply(new CollectionCreated(command.collectionId(), command.namespaceId(), command.collectionName(),
                command.config(), schemas, clock.instant()));
    }

    /** The clone's constructor: its first event is the one its source decided on. */
    Collection(CollectionCloned cloned) {
        apply(cloned);
    }

    /** A collection cloned with its namespace: its first event is the one the namespace clone decided on. */
    public static Collection fromClone(CollectionCloned cloned) {
        return new Collection(cloned);
    }

    /** What a namespace clone copies of a collection: its configuration and lineage as they are now. */
    public record CloneSource(String collectionId, String collectionName, long version, CollectionConfig config,
                              ObjectSchema inputSchema, String rootCollectionId, int generation,
                              List<String> ancestryOfClone) {
    }

    public CloneSource cloneSource() {
        return new CloneSource(collectionId, collectionName, version, config, inputSchema, rootCollectionId,
                generation, ancestryOfClone());
    }

    /** What a clone of this collection records as its ancestry: unknown when this collection's own is. */
    private List<String> ancestryOfClone() {
        return ancestry == null ? null : CollectionCloned.ancestryOfCloneOf(collectionId, ancestry);
    }

    /** The constructor of a collection made from a template: its first event is the one the template decided on. */
    Collection(CollectionInstantiated instantiated) {
        apply(instantiated);
    }

    @CommandHandler
    public CommandOutcome handle(CloneCollectionCommand command, Directory directory, ExtractorCatalog catalog,
                                 Clock clock) throws Exception {
        requireLiveIn(command.namespaceId());
        if (collectionName.equals(command.collectionName())) {
            throw new DomainException(LedgerError.of(ErrorKind.ALREADY_EXISTS,
                    "a clone needs a name other than its source's ('" + collectionName + "')",
                    Map.of("resource", "collection", "name", collectionName)));
        }
        CollectionNames.require(directory, namespaceId, command.collectionName());
        Revision copied = revisionToCopy(command.sourceVersion());
        CollectionConfig merged = command.overrides().applyTo(copied.config());
        // A clone of the same source keeps the input schema the source was narrowed to.
        ObjectSchema requestedInput = command.overrides().source() == null ? copied.inputSchema() : null;
        CollectionSchemas schemas = new ConfigurationRules(directory, catalog)
                .validate(command.newCollectionId(), namespaceId, merged, requestedInput);
        CollectionCloned cloned = new CollectionCloned(command.newCollectionId(), collectionId, collectionName,
                copied.version(), rootCollectionId, generation + 1, namespaceId, command.collectionName(), merged,
                command.overrides().overriddenFields(), schemas, clock.instant(), ancestryOfClone());
        AggregateLifecycle.createNew(Collection.class, () -> new Collection(cloned));
        return new CommandOutcome(command.newCollectionId(), 0);
    }

    /** Captures this collection as it is now as a new template, which it creates (like a clone). */
    @CommandHandler
    public CommandOutcome handle(CreateTemplateFromCollectionCommand command, Clock clock) throws Exception {
        requireLiveIn(command.namespaceId());
        TemplateCreated created = CollectionTemplate.capture(command, collectionId, collectionName, version, config,
                inputSchema, clock.instant());
        AggregateLifecycle.createNew(CollectionTemplate.class, () -> new CollectionTemplate(created));
        return new CommandOutcome(command.templateId(), 0);
    }

    @CommandHandler
    public CommandOutcome handle(UpdateCollectionCommand command, Directory directory, Clock clock) {
        requireLiveIn(command.namespaceId());
        requireVersion(command.expectedVersion());
        CollectionUpdated updated = CollectionPatch.apply(this.collectionId, namespaceId, collectionName, config,
                command, directory, clock.instant());
        if (updated == null) {
            return new CommandOutcome(collectionId, version);
        }
        apply(updated);
        return new CommandOutcome(collectionId, version);
    }

    @CommandHandler
    public CommandOutcome handle(DeleteCollectionCommand command, Directory directory, Clock clock) {
        requireLiveIn(command.namespaceId());
        requireVersion(command.expectedVersion());
        List<Directory.CollectionEntry> dependents = directory.liveDependents(collectionId);
        if (!dependents.isEmpty()) {
            throw DomainException.usedBy("collection '" + collectionName + "' is the source of "
                    + DomainException.names(dependents) + "; delete those first", dependents, Map.of());
        }
        apply(new CollectionDeleted(collectionId, namespaceId, collectionName, clock.instant()));
        return new CommandOutcome(collectionId, version);
    }

    /**
     * Deletes this collection as part of its namespace's deletion, which deletes every dependent too:
     * no dependents check. Called on the loaded aggregate, in the namespace command's unit of work.
     */
    public void deleteWithItsNamespace(Instant at) {
        if (!deleted) {
            apply(new CollectionDeleted(collectionId, namespaceId, collectionName, at));
        }
    }

    /** A configuration as it was at one version. */
    record Revision(long version, CollectionConfig config, ObjectSchema inputSchema) {
    }

    private Revision revisionToCopy(Long requested) {
        if (requested == null) {
            return revisions.lastEntry().getValue();
        }
        Revision revision = revisions.get(requested);
        if (revision == null) {
            throw DomainException.invalid(List.of(Violation.at("source_version must be a version of '"
                    + collectionName + "', from 0 to " + version, "value_error", "source_version")));
        }
        return revision;
    }

    private void requireLiveIn(String requestNamespace) {
        // Another namespace's collection is indistinguishable from a missing one.
        if (deleted || !namespaceId.equals(requestNamespace)) {
            throw DomainException.notFound("collection", collectionId);
        }
    }

    private void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new DomainException(LedgerError.of(ErrorKind.PRECONDITION_FAILED,
                    "collection '" + collectionId + "' is at version " + version + ", not " + expected,
                    Map.of("current_version", version, "expected_version", expected)));
        }
    }

    @EventSourcingHandler
    void on(CollectionCreated event, @SequenceNumber long sequence) {
        begin(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(), event.schemas(),
                event.collectionId(), 0, sequence);
        ancestry = List.of();
    }

    @EventSourcingHandler
    void on(CollectionCloned event, @SequenceNumber long sequence) {
        begin(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(), event.schemas(),
                event.rootCollectionId(), event.generation(), sequence);
        ancestry = event.ancestry();
    }

    /** An instantiated collection is an original: the root of its own clone tree. */
    @EventSourcingHandler
    void on(CollectionInstantiated event, @SequenceNumber long sequence) {
        begin(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(), event.schemas(),
                event.collectionId(), 0, sequence);
        ancestry = List.of();
    }

    /** The state every first event sets. */
    private void begin(String id, String namespace, String name, CollectionConfig firstConfig,
                       CollectionSchemas schemas, String root, int cloneGeneration, long sequence) {
        collectionId = id;
        namespaceId = namespace;
        collectionName = name;
        config = firstConfig;
        inputSchema = schemas.inputSchema();
        rootCollectionId = root;
        generation = cloneGeneration;
        version = sequence;
        revisions.put(sequence, new Revision(sequence, config, inputSchema));
    }

    @EventSourcingHandler
    void on(CollectionUpdated event, @SequenceNumber long sequence) {
        collectionName = event.collectionName();
        config = config.withPatch(event);
        version = sequence;
        revisions.put(sequence, new Revision(sequence, config, inputSchema));
    }

    @EventSourcingHandler
    void on(CollectionDeleted event, @SequenceNumber long sequence) {
        deleted = true;
        version = sequence;
    }
}
