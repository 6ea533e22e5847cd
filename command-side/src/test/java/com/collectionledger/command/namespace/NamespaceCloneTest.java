package com.collectionledger.command.namespace;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The decision of a namespace clone: every bucket and collection cloned into the new namespace, every
 * source remapped to its clone, collections after their sources, and any broken rule rejects it whole.
 */
class NamespaceCloneTest {

    private static final String TARGET = "ns_target0001";
    private static final ExtractorCatalog CATALOG = ExtractorCatalog.builtIn();
    private static final UniqueKey ARTICLES_KEY = new UniqueKey(List.of("title"), "upsert");
    private static final List<PayloadIndex> INDEXES = List.of(new PayloadIndex("title", "keyword", null, null));

    private final InMemoryDirectory directory = Seed.directory()
            .record(videoFramesCreated()).record(detectedScenesCreated()).record(articleEmbeddingsCreated());

    private static final List<Bucket.CloneSource> BUCKETS = List.of(
            new Bucket.CloneSource(ARTICLES, "articles", "the articles", ARTICLES_SCHEMA, Map.of("team", "news"),
                    ARTICLES_KEY),
            new Bucket.CloneSource(VIDEOS, "marketing_videos", null, VIDEOS_SCHEMA, Map.of(), null));

    private static Collection.CloneSource original(String id, String name, long version, CollectionConfig config,
                                                   CollectionSchemas schemas) {
        return new Collection.CloneSource(id, name, version, config, schemas.inputSchema(), id, 0, List.of(id));
    }

    /** Scenes listed before the frames they read: the clone must still make the frames first. */
    private static final List<Collection.CloneSource> COLLECTIONS = List.of(
            original(DETECTED_SCENES, "detected_scenes", 0, detectedScenesConfig(), detectedScenesSchemas()),
            original(VIDEO_FRAMES, "video_frames", 3, videoFramesConfig(), videoFramesSchemas()),
            original(ARTICLE_EMBEDDINGS, "article_embeddings", 0, articleEmbeddingsConfig(),
                    articleEmbeddingsSchemas()));

    private static NamespaceClone.Source seedNamespace(List<String> extractorIds) {
        return new NamespaceClone.Source(NS, "The collections of the seed document",
                extractorIds.stream().map(InMemoryDirectory::ref).toList(), INDEXES, true);
    }

    private NamespaceClone.Plan plan(CloneNamespaceCommand command, NamespaceClone.Source source) {
        return NamespaceClone.plan(command, source, BUCKETS, COLLECTIONS, directory, CATALOG, NOW);
    }

    private static CloneNamespaceCommand cloneAs(String name, String description) {
        return new CloneNamespaceCommand(NS, TARGET, name, description, true);
    }

    @Test
    void everySourceIsRemappedToItsCloneAndCollectionsFollowTheirSources() {
        NamespaceClone.Plan plan = plan(cloneAs("staging", null), seedNamespace(SEED_EXTRACTORS));

        assertThat(plan.namespace().namespaceId()).isEqualTo(TARGET);
        assertThat(plan.namespace().sourceNamespaceId()).isEqualTo(NS);
        assertThat(plan.namespace().namespaceName()).isEqualTo("staging");
        assertThat(plan.namespace().description()).isEqualTo("The collections of the seed document");
        assertThat(plan.namespace().featureExtractors()).extracting(ExtractorRef::id).isEqualTo(SEED_EXTRACTORS);
        assertThat(plan.namespace().payloadIndexes()).isEqualTo(INDEXES);
        assertThat(plan.namespace().autoCreateIndexes()).isTrue();
        Map<String, BucketCloned> buckets = plan.buckets().stream()
                .collect(Collectors.toMap(BucketCloned::sourceBucketId, Function.identity()));
        assertThat(buckets.get(ARTICLES)).isEqualTo(new BucketCloned(buckets.get(ARTICLES).bucketId(), ARTICLES,
                TARGET, "articles", "the articles", ARTICLES_SCHEMA, Map.of("team", "news"), ARTICLES_KEY, NOW));
        assertThat(buckets.get(VIDEOS).uniqueKey()).isNull();
        assertThat(plan.buckets()).allSatisfy(b -> assertThat(b.bucketId()).startsWith("bkt_")
                .isNotIn(ARTICLES, VIDEOS));

        assertThat(plan.collections()).extracting(CollectionCloned::collectionName)
                .containsExactly("video_frames", "detected_scenes", "article_embeddings");
        CollectionCloned frames = plan.collections().get(0);
        CollectionCloned scenes = plan.collections().get(1);
        assertThat(frames.config().source().bucketIds()).containsExactly(buckets.get(VIDEOS).bucketId());
        assertThat(scenes.config().source().collectionId()).isEqualTo(frames.collectionId());
        assertThat(scenes).isEqualTo(new CollectionCloned(scenes.collectionId(), DETECTED_SCENES, "detected_scenes",
                0, DETECTED_SCENES, 1, TARGET, "detected_scenes", new CollectionConfig(
                detectedScenesConfig().description(), scenes.config().source(), detectedScenesConfig().featureExtractor(),
                true, Map.of(), List.of()), List.of("source"), scenes.schemas(), NOW, List.of(DETECTED_SCENES)));
        assertThat(frames.sourceVersion()).isEqualTo(3);
        assertThat(scenes.schemas().inputSchema()).isEqualTo(detectedScenesSchemas().inputSchema());
        assertThat(scenes.schemas().outputSchema()).isEqualTo(detectedScenesSchemas().outputSchema());
        // Tiers root first, the collection's own last: each reads the clones.
        assertThat(scenes.schemas().sourceLineage()).extracting(SourceLineageEntry::sourceConfig)
                .containsExactly(frames.config().source(), scenes.config().source());
        assertThat(scenes.schemas().sourceLineage().get(0).sourceConfig().bucketIds())
                .containsExactly(buckets.get(VIDEOS).bucketId());
        assertThat(plan.outcome().collectionIds()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aDescriptionReplacesTheSourcesAndCollectionsCanBeLeftOut() {
        NamespaceClone.Plan plan = NamespaceClone.plan(new CloneNamespaceCommand(NS, TARGET, "buckets_only",
                "only the buckets", false), seedNamespace(SEED_EXTRACTORS), BUCKETS, List.of(), directory, CATALOG, NOW);

        assertThat(plan.namespace().description()).isEqualTo("only the buckets");
        assertThat(plan.buckets()).hasSize(2);
        assertThat(plan.collections()).isEmpty();
    }

    @Test
    void anInvalidOrTakenNameRejectsTheClone() {
        LedgerError idLike = rejected(cloneAs("ns_staging", null), seedNamespace(SEED_EXTRACTORS));
        LedgerError tooLong = rejected(cloneAs("staging", "x".repeat(2_001)), seedNamespace(SEED_EXTRACTORS));
        LedgerError taken = rejected(cloneAs(NS_NAME, null), seedNamespace(SEED_EXTRACTORS));

        assertThat(idLike.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(idLike.violations().get(0).location()).containsExactly("namespace_name");
        assertThat(tooLong.violations().get(0).location()).containsExactly("description");
        assertThat(taken.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    }

    @Test
    void aCollectionThatBreaksARuleInTheNewNamespaceRejectsTheWholeClone() {
        // The source namespace's extractors no longer include the scenes' one (e.g. since changed).
        List<String> withoutScenes = SEED_EXTRACTORS.stream().filter(id -> !id.startsWith("scene")).toList();

        LedgerError error = rejected(cloneAs("staging", null), seedNamespace(withoutScenes));

        assertThat(error.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(error.message()).contains("detected_scenes").contains("scene_extractor_v1");
        assertThat(error.details()).containsEntry("collection_id", DETECTED_SCENES);
        assertThat(error.violations()).isNotEmpty();
    }

    @Test
    void aSourceOutsideTheClonedCollectionsIsNotFoundInTheNewNamespace() {
        Collection.CloneSource orphan = original(NEW_ID, "orphan", 0,
                new CollectionConfig(null, SourceConfig.collection("col_elsewhere1"),
                        textOnContent(), null, null, null), new CollectionSchemas(new ObjectSchema(Map.of()), null,
                        null, List.of()));

        DomainException failure = catchThrowableOfType(DomainException.class, () -> NamespaceClone.plan(
                cloneAs("staging", null), seedNamespace(SEED_EXTRACTORS), BUCKETS, List.of(orphan), directory, CATALOG,
                NOW));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(failure.error().violations().get(0).type()).isEqualTo("not_found");
    }

    private LedgerError rejected(CloneNamespaceCommand command, NamespaceClone.Source source) {
        return catchThrowableOfType(DomainException.class, () -> plan(command, source)).error();
    }
}
