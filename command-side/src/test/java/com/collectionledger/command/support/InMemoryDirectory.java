package com.collectionledger.command.support;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Directory} kept in memory, for aggregate tests. Tests put in it what "already exists"
 * (namespaces, buckets, live and deleted collections, dependents) and register it with the
 * fixture as an injectable resource.
 */
public final class InMemoryDirectory implements Directory {

    private final Map<String, NamespaceEntry> namespaces = new LinkedHashMap<>();
    private final Map<String, BucketEntry> buckets = new LinkedHashMap<>();
    private final Map<String, CollectionEntry> collections = new LinkedHashMap<>();
    private final Set<String> deleted = new LinkedHashSet<>();
    /** collection ID -> the IDs of the collections it reads from. */
    private final Map<String, Set<String>> sources = new LinkedHashMap<>();
    /** collection ID -> the IDs of the buckets it reads from. */
    private final Map<String, Set<String>> bucketSources = new LinkedHashMap<>();
    private final Set<String> locked = new LinkedHashSet<>();

    // ---- setup helpers ---------------------------------------------------------------------

    /** A namespace whose collections may use these extractors, each given as {@code name_version}. */
    public InMemoryDirectory namespace(String namespaceId, String namespaceName, String... extractorIds) {
        List<ExtractorRef> refs = Arrays.stream(extractorIds).map(InMemoryDirectory::ref).toList();
        namespaces.put(namespaceId, new NamespaceEntry(namespaceId, namespaceName, refs));
        return this;
    }

    public InMemoryDirectory bucket(String bucketId, String namespaceId, String bucketName, ObjectSchema schema) {
        buckets.put(bucketId, new BucketEntry(bucketId, namespaceId, bucketName, schema));
        return this;
    }

    /** A live collection, sourced from the given collections (none for a bucket source). */
    public InMemoryDirectory collection(String collectionId, String namespaceId, String collectionName,
                                        ObjectSchema outputSchema, String featureExtractorId,
                                        List<SourceLineageEntry> sourceLineage, String... sourceCollectionIds) {
        collections.put(collectionId, new CollectionEntry(collectionId, namespaceId, collectionName, outputSchema,
                featureExtractorId, sourceLineage == null ? List.of() : List.copyOf(sourceLineage)));
        deleted.remove(collectionId);
        sources.put(collectionId, new LinkedHashSet<>(List.of(sourceCollectionIds)));
        return this;
    }

    /** What the production directory projection records for a collection's first event. */
    public InMemoryDirectory record(CollectionCreated event) {
        return recordCollection(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas());
    }

    public InMemoryDirectory record(CollectionCloned event) {
        return recordCollection(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas());
    }

    public InMemoryDirectory record(CollectionInstantiated event) {
        return recordCollection(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(),
                event.schemas());
    }

    public InMemoryDirectory record(NamespaceCreated event) {
        namespaces.put(event.namespaceId(), new NamespaceEntry(event.namespaceId(), event.namespaceName(),
                event.featureExtractors()));
        return this;
    }

    public InMemoryDirectory record(BucketCreated event) {
        return bucket(event.bucketId(), event.namespaceId(), event.bucketName(), event.bucketSchema());
    }

    private InMemoryDirectory recordCollection(String id, String namespaceId, String name, CollectionConfig config,
                                               CollectionSchemas schemas) {
        collection(id, namespaceId, name, schemas.outputSchema(),
                config.featureExtractor().featureExtractorId(), schemas.sourceLineage(),
                config.source().sourceCollectionIds().toArray(String[]::new));
        if (config.source().bucketIds() != null) {
            bucketSources.put(id, new LinkedHashSet<>(config.source().bucketIds()));
        }
        return this;
    }

    /** A live collection of the namespace that reads these buckets with this extractor. */
    public InMemoryDirectory bucketReader(String collectionId, String namespaceId, String collectionName,
                                          String featureExtractorId, String... bucketIds) {
        int split = featureExtractorId.lastIndexOf('_');
        FeatureExtractorConfig extractor = new FeatureExtractorConfig(featureExtractorId.substring(0, split),
                featureExtractorId.substring(split + 1), null, null, null, null);
        collection(collectionId, namespaceId, collectionName, ObjectSchema.empty(), featureExtractorId,
                List.of(new SourceLineageEntry(SourceConfig.buckets(List.of(bucketIds)), extractor,
                        ObjectSchema.empty())));
        bucketSources.put(collectionId, new LinkedHashSet<>(List.of(bucketIds)));
        return this;
    }

    /** Whether a command locked this namespace (see {@link Directory#lockNamespace}). */
    public boolean locked(String namespaceId) {
        return locked.contains(namespaceId);
    }

    /** The collection was deleted: it no longer counts as live, nor holds its name. */
    public InMemoryDirectory markDeleted(String collectionId) {
        deleted.add(collectionId);
        return this;
    }

    public InMemoryDirectory rename(String collectionId, String newName) {
        CollectionEntry e = collections.get(collectionId);
        collections.put(collectionId, new CollectionEntry(e.collectionId(), e.namespaceId(), newName,
                e.outputSchema(), e.featureExtractorId(), e.sourceLineage()));
        return this;
    }

    /** Records that {@code dependentId} (already known here) reads from {@code sourceId}. */
    public InMemoryDirectory markDependent(String dependentId, String sourceId) {
        if (!collections.containsKey(dependentId)) {
            throw new IllegalArgumentException("unknown dependent " + dependentId);
        }
        sources.computeIfAbsent(dependentId, k -> new LinkedHashSet<>()).add(sourceId);
        return this;
    }

    public static ExtractorRef ref(String extractorId) {
        int split = extractorId.lastIndexOf('_');
        return new ExtractorRef(extractorId.substring(0, split), extractorId.substring(split + 1));
    }

    // ---- Directory -------------------------------------------------------------------------

    @Override
    public Optional<NamespaceEntry> namespace(String namespaceId) {
        return Optional.ofNullable(namespaces.get(namespaceId));
    }

    @Override
    public void lockNamespace(String namespaceId) {
        locked.add(namespaceId);
    }

    @Override
    public List<CollectionEntry> liveCollections(String namespaceId) {
        return collections.values().stream()
                .filter(c -> c.namespaceId().equals(namespaceId) && !deleted.contains(c.collectionId()))
                .sorted(Comparator.comparing(CollectionEntry::collectionName))
                .toList();
    }

    @Override
    public List<BucketEntry> buckets(String namespaceId) {
        return buckets.values().stream().filter(b -> b.namespaceId().equals(namespaceId))
                .sorted(Comparator.comparing(BucketEntry::bucketName))
                .toList();
    }

    @Override
    public List<CollectionEntry> liveBucketDependents(String bucketId) {
        return bucketSources.entrySet().stream()
                .filter(e -> e.getValue().contains(bucketId) && !deleted.contains(e.getKey()))
                .map(e -> collections.get(e.getKey()))
                .sorted(Comparator.comparing(CollectionEntry::collectionName))
                .toList();
    }

    @Override
    public boolean namespaceNameTaken(String namespaceName) {
        return namespaces.values().stream().anyMatch(n -> n.namespaceName().equals(namespaceName));
    }

    @Override
    public Optional<BucketEntry> bucket(String namespaceId, String bucketId) {
        return Optional.ofNullable(buckets.get(bucketId)).filter(b -> b.namespaceId().equals(namespaceId));
    }

    @Override
    public boolean bucketNameTaken(String namespaceId, String bucketName) {
        return buckets.values().stream()
                .anyMatch(b -> b.namespaceId().equals(namespaceId) && b.bucketName().equals(bucketName));
    }

    @Override
    public Optional<CollectionEntry> liveCollection(String namespaceId, String collectionId) {
        return Optional.ofNullable(collections.get(collectionId))
                .filter(c -> c.namespaceId().equals(namespaceId))
                .filter(c -> !deleted.contains(c.collectionId()));
    }

    @Override
    public Optional<String> collectionNamed(String namespaceId, String collectionName) {
        return collections.values().stream()
                .filter(c -> !deleted.contains(c.collectionId()))
                .filter(c -> c.namespaceId().equals(namespaceId) && c.collectionName().equals(collectionName))
                .map(CollectionEntry::collectionId)
                .findFirst();
    }

    @Override
    public List<CollectionEntry> liveDependents(String collectionId) {
        List<CollectionEntry> result = new ArrayList<>();
        sources.forEach((dependent, upstream) -> {
            if (upstream.contains(collectionId) && !deleted.contains(dependent)) {
                result.add(collections.get(dependent));
            }
        });
        result.sort(Comparator.comparing(CollectionEntry::collectionName));
        return result;
    }
}
