package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.api.template.InstantiateTemplateCommand;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.rules.ConfigurationRules;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A collection template: a collection's configuration captured at one version, from which new
 * collections are made. A template belongs to the namespace of the collection it was captured
 * from and is invisible in any other. Its collection creates it ({@link Collection}, like a clone);
 * it creates the collections instantiated from it.
 */
@Aggregate
public class CollectionTemplate {

    @AggregateIdentifier
    private String templateId;
    private String namespaceId;
    private String templateName;
    private String sourceCollectionId;
    private String sourceCollectionName;
    private long sourceVersion;
    private CollectionConfig configuration;
    private ObjectSchema inputSchema;

    protected CollectionTemplate() {
        // for Axon
    }

    /** The template's constructor: its first event is the one its collection decided on. */
    CollectionTemplate(TemplateCreated created) {
        apply(created);
    }

    /**
     * The event that captures a collection (its ID, name, version, configuration and input schema)
     * as the template the command asks for; the description defaults to one naming the collection.
     */
    static TemplateCreated capture(CreateTemplateFromCollectionCommand command, String collectionId,
                                   String collectionName, long version, CollectionConfig config,
                                   ObjectSchema inputSchema, Instant now) {
        TemplateRules.check(command);
        String description = command.description() == null || command.description().isEmpty()
                ? "Template of collection '" + collectionName + "' (" + collectionId + ") at version " + version
                : command.description();
        return new TemplateCreated(command.templateId(), command.namespaceId(), command.templateName(), description,
                TemplateRules.SCOPE, command.category(), TemplateRules.distinct(command.tags()), collectionId,
                collectionName, version, config, inputSchema, now);
    }

    @CommandHandler
    public CommandOutcome handle(InstantiateTemplateCommand command, Directory directory, ExtractorCatalog catalog,
                                 Clock clock) throws Exception {
        if (!namespaceId.equals(command.namespaceId())) {
            // Another namespace's template is indistinguishable from a missing one.
            throw DomainException.notFound("template", templateId);
        }
        List<Violation> tagViolations = new ArrayList<>();
        TemplateRules.checkTags(command.tags(), tagViolations);
        if (!tagViolations.isEmpty()) {
            throw DomainException.invalid(tagViolations);
        }
        SourceConfig source = sourceFor(command);
        CollectionConfig config = new CollectionConfig(
                command.description() != null ? command.description() : configuration.description(), source,
                configuration.featureExtractor(), configuration.enabled(), configuration.metadata(),
                configuration.taxonomyApplications());
        CollectionNames.require(directory, namespaceId, command.collectionName());
        // The template's source keeps the input schema its collection was narrowed to, as a clone does.
        boolean ownSource = source.equals(configuration.source());
        CollectionSchemas schemas;
        try {
            schemas = new ConfigurationRules(directory, catalog).validate(command.newCollectionId(), namespaceId,
                    config, ownSource ? inputSchema : null);
        } catch (DomainException e) {
            boolean requested = command.bucketIds() != null || command.sourceCollectionId() != null;
            throw requested ? atRequestedSource(e) : e;
        }
        CollectionInstantiated instantiated = new CollectionInstantiated(command.newCollectionId(), namespaceId,
                command.collectionName(), templateId, templateName, sourceCollectionId, sourceCollectionName,
                sourceVersion, config, TemplateRules.distinct(command.tags()), schemas, clock.instant());
        AggregateLifecycle.createNew(Collection.class, () -> new Collection(instantiated));
        return new CommandOutcome(command.newCollectionId(), 0);
    }

    /**
     * The template's source, or the one the request gives: {@code bucket_ids} for a template that reads
     * buckets, {@code collection_id} for one that reads a collection.
     */
    private SourceConfig sourceFor(InstantiateTemplateCommand command) {
        SourceConfig own = configuration.source();
        boolean buckets = command.bucketIds() != null;
        boolean collection = command.sourceCollectionId() != null;
        String violation = null;
        String field = buckets ? "bucket_ids" : "collection_id";
        if (buckets && collection) {
            violation = "give bucket_ids or collection_id, not both";
            field = "collection_id";
        } else if (buckets && !SourceConfig.BUCKET.equals(own.type())) {
            violation = "this template reads from a collection: give collection_id, not bucket_ids";
        } else if (collection && !SourceConfig.COLLECTION.equals(own.type())) {
            violation = "this template reads from buckets: give bucket_ids, not collection_id";
        }
        if (violation != null) {
            throw DomainException.invalid(List.of(Violation.at(violation, "value_error", field)));
        }
        if (buckets) {
            return new SourceConfig(SourceConfig.BUCKET, command.bucketIds(), null, null, own.sourceFilters());
        }
        if (collection) {
            return new SourceConfig(SourceConfig.COLLECTION, null, command.sourceCollectionId(), null,
                    own.sourceFilters());
        }
        return own;
    }

    /**
     * The rules speak of {@code source.bucket_ids} and {@code source.collection_id}; a source given to
     * an instantiation is at {@code bucket_ids} or {@code collection_id}.
     */
    private static DomainException atRequestedSource(DomainException e) {
        List<Violation> moved = new ArrayList<>();
        for (Violation v : e.error().violations()) {
            List<String> at = v.location();
            boolean inSource = at.size() > 1 && at.get(0).equals("source")
                    && (at.get(1).equals("bucket_ids") || at.get(1).equals("collection_id"));
            if (inSource) {
                moved.add(new Violation(at.subList(1, at.size()), v.message(), v.type()));
            } else {
                moved.add(v);
            }
        }
        LedgerError error = e.error();
        return new DomainException(new LedgerError(error.kind(), error.message(), error.details(), moved));
    }

    @EventSourcingHandler
    void on(TemplateCreated event) {
        templateId = event.templateId();
        namespaceId = event.namespaceId();
        templateName = event.templateName();
        sourceCollectionId = event.sourceCollectionId();
        sourceCollectionName = event.sourceCollectionName();
        sourceVersion = event.sourceVersion();
        configuration = event.configuration();
        inputSchema = event.inputSchema();
    }
}
