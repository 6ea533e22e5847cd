package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** source: existing buckets of the namespace (their union), or live collections of the namespace. */
class CollectionSourceRulesTest {

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private static CollectionConfig withSource(SourceConfig source) {
        return new CollectionConfig(null, source, textOnContent(), null, null, null);
    }

    // ---- bucket sources ----------------------------------------------------------------------

    @Test
    void bucketSourceWithEmptyBucketIdsIsRejected() {
        rejected(fixture, create("no_buckets", withSource(SourceConfig.buckets(List.of()))),
                invalidOnlyAt(at("source", "bucket_ids")));
    }

    @Test
    void bucketSourceWithoutBucketIdsIsRejected() {
        rejected(fixture, create("no_buckets", withSource(new SourceConfig("bucket", null, null, null, null))),
                invalidOnlyAt(at("source", "bucket_ids")));
    }

    @Test
    void unknownBucketIsRejectedAtItsIndexInBucketIds() {
        rejected(fixture,
                create("unknown_bucket", withSource(SourceConfig.buckets(List.of(ARTICLES, "bkt_missing001")))),
                invalidOnlyAt(at("source", "bucket_ids", "1")));
    }

    @Test
    void bucketOfAnotherNamespaceIsRejectedAsNotFoundInThisNamespace() {
        rejected(fixture, create("foreign_bucket", withSource(SourceConfig.buckets(List.of(FOREIGN_BUCKET)))),
                invalidAt("not_found", at("source", "bucket_ids", "0")));
    }

    @Test
    void multiBucketSourceReadsTheUnionOfTheBucketSchemasAndKeepsEachBucketsSchema() {
        CollectionConfig config = fromBuckets(
                extractor("multimodal_extractor", "v1", Map.of("video", "video", "text", "content"), null,
                        pass("title"), pass("campaign_id")),
                ARTICLES, VIDEOS);

        CollectionCreated event = onlyEvent(fixture, create("articles_and_videos", config), CollectionCreated.class);

        Map<String, ObjectSchema> perBucket = new LinkedHashMap<>();
        perBucket.put(ARTICLES, ARTICLES_SCHEMA);
        perBucket.put(VIDEOS, VIDEOS_SCHEMA);
        ObjectSchema output = schema("title", "string", "campaign_id", "string",
                "multimodal_extractor_v1_embedding", "array");
        assertThat(event.schemas()).isEqualTo(new CollectionSchemas(
                schema("title", "string", "content", "text", "video", "video", "campaign_id", "string"),
                output, perBucket, List.of(ownTier(config, output))));
        assertThat(List.copyOf(event.schemas().inputSchema().properties().keySet()))
                .containsExactly("title", "content", "video", "campaign_id");
    }

    @Test
    void multiBucketUnionHoldsAFieldSharedWithTheSameTypeOnce() {
        CollectionCreated event = onlyEvent(fixture, create("all_articles",
                fromBuckets(textOnContent(), ARTICLES, AUTHORED)),
                CollectionCreated.class);

        assertThat(event.schemas().inputSchema())
                .isEqualTo(schema("title", "string", "content", "text", "author", "string"));
    }

    @Test
    void multiBucketSourceWithAFieldOfTwoTypesIsRejected() {
        directory.bucket("bkt_numtitle01", NS, "numbered", schema("title", "integer"));

        rejected(fixture, create("clashing", fromBuckets(textOnContent(), ARTICLES, "bkt_numtitle01")),
                invalidOnlyAt(at("source", "bucket_ids")),
                invalidAt("type_conflict", at("source", "bucket_ids")))
                .expectExceptionMessage("field 'title' has type 'string' in one source and 'integer' in another");
    }

    @Test
    void multiBucketFieldsThatDifferOnlyInDescriptionDoNotClash() {
        directory.bucket("bkt_described1", NS, "described", new ObjectSchema(Map.of("title",
                new FieldSchema("string", "The headline", true, null, null))));

        CollectionCreated event = onlyEvent(fixture,
                create("described", fromBuckets(textOnContent(), ARTICLES, "bkt_described1")), CollectionCreated.class);

        assertThat(event.schemas().inputSchema().properties().get("title").type()).isEqualTo("string");
    }

    // ---- collection sources ------------------------------------------------------------------

    @Test
    void collectionSourceThatDoesNotExistIsRejected() {
        rejected(fixture, create("scenes", new CollectionConfig(null, SourceConfig.collection("col_missing001"),
                        detectedScenesConfig().featureExtractor(), null, null, null)),
                invalidOnlyAt(at("source", "collection_id")));
    }

    @Test
    void deletedCollectionCannotBeASource() {
        directory.record(videoFramesCreated()).markDeleted(VIDEO_FRAMES);

        rejected(fixture, create("scenes", detectedScenesConfig()),
                invalidAt("not_found", at("source", "collection_id")));
    }

    @Test
    void collectionOfAnotherNamespaceCannotBeASource() {
        directory.collection(VIDEO_FRAMES, OTHER_NS, "video_frames", videoFramesSchemas().outputSchema(),
                "multimodal_extractor_v1", videoFramesSchemas().sourceLineage());

        rejected(fixture, create("scenes", detectedScenesConfig()),
                invalidAt("not_found", at("source", "collection_id")));
    }

    @Test
    void collectionCannotBeItsOwnSource() {
        directory.record(videoFramesCreated());
        CollectionConfig config = new CollectionConfig(null, SourceConfig.collection(NEW_ID),
                detectedScenesConfig().featureExtractor(), null, null, null);

        rejected(fixture, create("self_sourced", config),
                invalidAt("value_error", at("source", "collection_id")));
    }

    @Test
    void collectionSourceWithoutCollectionIdIsRejected() {
        rejected(fixture, create("scenes", withSource(new SourceConfig("collection", null, null, null, null))),
                invalidOnlyAt(at("source", "collection_id")));
    }

    @Test
    void collectionIdsSourceReadsTheUnionOfTheCollectionsOutputs() {
        directory.record(videoFramesCreated()).record(articleEmbeddingsCreated());
        CollectionConfig config = new CollectionConfig(null,
                new SourceConfig("collection", null, null, List.of(VIDEO_FRAMES, ARTICLE_EMBEDDINGS), null),
                extractor("scene_extractor", "v1", Map.of("embedding", "text_extractor_v1_embedding"), null),
                null, null, null);

        CollectionCreated event = onlyEvent(fixture, create("merged", config), CollectionCreated.class);

        assertThat(event.schemas().inputSchema()).isEqualTo(schema(
                "campaign_id", "string", "multimodal_extractor_v1_embedding", "array",
                "title", "string", "text_extractor_v1_embedding", "array"));
        assertThat(event.schemas().sourceLineage()).containsExactly(
                videoFramesSchemas().sourceLineage().get(0),
                articleEmbeddingsSchemas().sourceLineage().get(0),
                ownTier(config, event.schemas().outputSchema()));
    }

    @Test
    void unknownCollectionInCollectionIdsIsRejectedAtItsIndex() {
        directory.record(videoFramesCreated());
        CollectionConfig config = withSource(
                new SourceConfig("collection", null, null, List.of(VIDEO_FRAMES, "col_missing001"), null));

        rejected(fixture, create("merged", config), invalidOnlyAt(at("source", "collection_ids", "1")));
    }

    @Test
    void collectionSourcedLineageIsTheSourcesTiersThenItsOwn() {
        directory.record(videoFramesCreated()).record(detectedScenesCreated());
        CollectionConfig config = new CollectionConfig(null, SourceConfig.collection(DETECTED_SCENES),
                extractor("scene_extractor", "v1", Map.of("embedding", "scene_extractor_v1_embedding"), null),
                null, null, null);

        CollectionCreated event = onlyEvent(fixture, create("tier3", config), CollectionCreated.class);

        assertThat(event.schemas().sourceLineage()).containsExactly(
                videoFramesSchemas().sourceLineage().get(0),
                detectedScenesSchemas().sourceLineage().get(1),
                ownTier(config, event.schemas().outputSchema()));
        assertThat(event.schemas().sourceLineage().get(1).featureExtractor())
                .isEqualTo(detectedScenesConfig().featureExtractor());
        assertThat(event.schemas().sourceLineage().get(0).outputSchema())
                .isEqualTo(videoFramesSchemas().outputSchema());
    }

    // ---- malformed sources -------------------------------------------------------------------

    @Test
    void missingSourceIsRejected() {
        rejected(fixture, create("no_source", withSource(null)), invalidOnlyAt(at("source")));
    }

    @Test
    void sourceTypeOtherThanBucketOrCollectionIsRejected() {
        rejected(fixture,
                create("odd_source", withSource(new SourceConfig("table", List.of(ARTICLES), null, null, null))),
                invalidOnlyAt(at("source", "type")));
    }
}
