package com.collectionledger.command.namespace;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloneOutcome;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.collection.rules.ConfigurationRules;
import com.collectionledger.command.collection.rules.DescriptiveFields;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.command.domain.Names;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a namespace clone: the events that make the new namespace, a clone of each bucket and of each
 * collection, in the order they must be applied (every collection after the collections it reads from).
 * Every source is remapped to its clone and every cloned collection passes the rules of create in the
 * new namespace, or nothing is cloned at all.
 */
final class NamespaceClone {

    /** The events of one namespace clone, in the order to apply them. */
    record Plan(NamespaceCloned namespace, List<BucketCloned> buckets, List<CollectionCloned> collections) {

        NamespaceCloneOutcome outcome() {
            return new NamespaceCloneOutcome(namespace.namespaceId(), buckets.stream().map(BucketCloned::bucketId).toList(),
                    collections.stream().map(CollectionCloned::collectionId).toList());
        }
    }

    /** The source namespace's own configuration. */
    record Source(String namespaceId, String description, List<ExtractorRef> featureExtractors,
                  List<PayloadIndex> payloadIndexes, boolean autoCreateIndexes) {
    }

    private NamespaceClone() {
    }

    static Plan plan(CloneNamespaceCommand command, Source source, List<Bucket.CloneSource> buckets,
                     List<Collection.CloneSource> collections, Directory directory, ExtractorCatalog catalog,
                     Instant at) {
        checkRequest(command, directory);
        String namespaceId = command.newNamespaceId();
        NamespaceCloned namespace = new NamespaceCloned(namespaceId, source.namespaceId(), command.namespaceName(),
                command.description() != null ? command.description() : source.description(),
                source.featureExtractors(), source.payloadIndexes(), source.autoCreateIndexes(), at);
        PendingNamespaceDirectory pending = new PendingNamespaceDirectory(directory,
                new Directory.NamespaceEntry(namespaceId, command.namespaceName(), source.featureExtractors()));
        Map<String, String> cloneIds = new HashMap<>();
        List<BucketCloned> bucketEvents = new ArrayList<>();
        for (Bucket.CloneSource bucket : buckets) {
            BucketCloned cloned = new BucketCloned(Ids.next("bkt_"), bucket.bucketId(), namespaceId,
                    bucket.bucketName(), bucket.description(), bucket.bucketSchema(), bucket.metadata(), bucket.uniqueKey(),
                    at);
            cloneIds.put(bucket.bucketId(), cloned.bucketId());
            pending.add(new Directory.BucketEntry(cloned.bucketId(), namespaceId, cloned.bucketName(),
                    cloned.bucketSchema()));
            bucketEvents.add(cloned);
        }
        ConfigurationRules rules = new ConfigurationRules(pending, catalog);
        List<CollectionCloned> collectionEvents = new ArrayList<>();
        for (Collection.CloneSource collection : sourcesFirst(collections)) {
            String cloneId = Ids.next("col_");
            CollectionOverrides remapped = new CollectionOverrides(null, remap(collection.config().source(), cloneIds),
                    null, null, null, null);
            CollectionConfig config = remapped.applyTo(collection.config());
            CollectionSchemas schemas;
            try {
                // The clone reads the clones of its sources, whose schemas are the originals': the input
                // schema the original was narrowed to still fits.
                schemas = rules.validate(cloneId, namespaceId, config, collection.inputSchema());
            } catch (DomainException e) {
                throw cannotClone(collection, e);
            }
            CollectionCloned cloned = new CollectionCloned(cloneId, collection.collectionId(),
                    collection.collectionName(), collection.version(), collection.rootCollectionId(),
                    collection.generation() + 1, namespaceId, collection.collectionName(), config,
                    remapped.overriddenFields(), schemas, at, collection.ancestryOfClone());
            cloneIds.put(collection.collectionId(), cloneId);
            pending.add(new Directory.CollectionEntry(cloneId, namespaceId, collection.collectionName(),
                    schemas.outputSchema(), config.featureExtractor().featureExtractorId(), schemas.sourceLineage()));
            collectionEvents.add(cloned);
        }
        return new Plan(namespace, bucketEvents, collectionEvents);
    }

    /** The new namespace's name must be valid and free, and its description valid. */
    static void checkRequest(CloneNamespaceCommand command, Directory directory) {
        List<Violation> violations = new ArrayList<>();
        Names.check("namespace_name", command.namespaceName(), Namespace.ID_PREFIX).ifPresent(violations::add);
        DescriptiveFields.checkDescription(command.description(), violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (directory.namespaceNameTaken(command.namespaceName())) {
            throw DomainException.nameTaken("namespace", command.namespaceName());
        }
    }

    /** The collections in an order where each comes after every collection of the list it reads from. */
    static List<Collection.CloneSource> sourcesFirst(List<Collection.CloneSource> collections) {
        Map<String, Collection.CloneSource> byId = new LinkedHashMap<>();
        collections.forEach(c -> byId.put(c.collectionId(), c));
        List<Collection.CloneSource> ordered = new ArrayList<>(collections.size());
        Set<String> visited = new HashSet<>();
        for (Collection.CloneSource collection : collections) {
            place(collection, byId, visited, ordered);
        }
        return ordered;
    }

    private static void place(Collection.CloneSource collection, Map<String, Collection.CloneSource> byId,
                              Set<String> visited, List<Collection.CloneSource> ordered) {
        if (!visited.add(collection.collectionId())) {
            return;
        }
        for (String upstream : collection.config().source().sourceCollectionIds()) {
            Collection.CloneSource source = byId.get(upstream);
            if (source != null) {
                place(source, byId, visited, ordered);
            }
        }
        ordered.add(collection);
    }

    /** The same source, reading the clones of its buckets and collections (IDs without a clone are kept). */
    private static SourceConfig remap(SourceConfig source, Map<String, String> cloneIds) {
        return new SourceConfig(source.type(), remap(source.bucketIds(), cloneIds),
                source.collectionId() == null ? null : cloneIds.getOrDefault(source.collectionId(), source.collectionId()),
                remap(source.collectionIds(), cloneIds), source.sourceFilters());
    }

    private static List<String> remap(List<String> ids, Map<String, String> cloneIds) {
        return ids == null ? null : ids.stream().map(id -> cloneIds.getOrDefault(id, id)).toList();
    }

    private static DomainException cannotClone(Collection.CloneSource collection, DomainException failure) {
        return new DomainException(new LedgerError(ErrorKind.CONFLICT, "collection '" + collection.collectionName()
                + "' cannot be cloned into the new namespace: " + failure.error().message(),
                Map.of("collection_id", collection.collectionId(), "collection_name", collection.collectionName()),
                failure.error().violations()));
    }
}
