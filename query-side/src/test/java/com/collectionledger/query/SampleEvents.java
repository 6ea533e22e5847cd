package com.collectionledger.query;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events as the command side writes them, with what the tests vary and fixed instants for the rest. */
public final class SampleEvents {

    /** When the tests' first event happened; later ones are {@link #minutes} after it. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private SampleEvents() {
    }

    public static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static NamespaceCreated namespaceCreated(String namespaceId, String name, Instant at) {
        return new NamespaceCreated(namespaceId, name, "the " + name + " namespace",
                List.of(new ExtractorRef("text_extractor", "v1")), at);
    }

    public static BucketCreated bucketCreated(String bucketId, String namespaceId, String name,
                                              Map<String, Object> metadata, Instant at) {
        return new BucketCreated(bucketId, namespaceId, name, null, ObjectSchema.empty(), metadata, at);
    }

    /** A text-extractor configuration reading these buckets. */
    public static CollectionConfig readingBuckets(List<String> bucketIds, String description, boolean enabled,
                                                  Map<String, Object> metadata) {
        return new CollectionConfig(description, SourceConfig.buckets(bucketIds), textExtractor(), enabled, metadata,
                List.of());
    }

    public static CollectionConfig readingBucket(String bucketId) {
        return readingBuckets(List.of(bucketId), null, true, Map.of());
    }

    public static FeatureExtractorConfig textExtractor() {
        return new FeatureExtractorConfig("text_extractor", "v1", Map.of(), Map.of("text", "content"), List.of(),
                false);
    }

    public static CollectionSchemas noSchemas() {
        return new CollectionSchemas(ObjectSchema.empty(), ObjectSchema.empty(), null, List.of());
    }

    public static CollectionCreated collectionCreated(String collectionId, String namespaceId, String name,
                                                      CollectionConfig config, Instant at) {
        return new CollectionCreated(collectionId, namespaceId, name, config, noSchemas(), at);
    }

    /**
     * A clone of {@code source} at {@code sourceVersion}, one generation further from {@code root}, as written
     * before clones recorded their ancestry.
     */
    public static CollectionCloned collectionCloned(String collectionId, String namespaceId, String name,
                                                    String sourceId, String sourceName, long sourceVersion,
                                                    String rootId, int generation, Instant at) {
        return collectionCloned(collectionId, namespaceId, name, sourceId, sourceName, sourceVersion, rootId,
                generation, at, null);
    }

    /** A clone of {@code source} whose ancestors, nearest first, are {@code ancestry}. */
    public static CollectionCloned collectionCloned(String collectionId, String namespaceId, String name,
                                                    String sourceId, String sourceName, long sourceVersion,
                                                    String rootId, int generation, Instant at, List<String> ancestry) {
        return new CollectionCloned(collectionId, sourceId, sourceName, sourceVersion, rootId, generation, namespaceId,
                name, readingBucket("bkt_source"), List.of(), noSchemas(), at, ancestry);
    }

    /** A PATCH of what PATCH may change, naming {@code changedFields}. */
    public static CollectionUpdated collectionUpdated(String collectionId, String namespaceId, String name,
                                                      String description, boolean enabled,
                                                      Map<String, Object> metadata, List<String> changedFields,
                                                      Instant at) {
        return new CollectionUpdated(collectionId, namespaceId, changedFields, name, description, enabled, metadata,
                List.of(), at);
    }

    public static CollectionDeleted collectionDeleted(String collectionId, String namespaceId, String name,
                                                      Instant at) {
        return new CollectionDeleted(collectionId, namespaceId, name, at);
    }
}
