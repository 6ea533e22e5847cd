package com.collectionledger.command.support;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario of {@code fixtures/seed-examples.json} (namespace, buckets, the three collections),
 * written out by hand: the expected schemas here are copied from the seed file, not computed.
 */
public final class Seed {

    public static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String NS = "ns_seed000001";
    public static final String NS_NAME = "seed_examples";
    public static final String OTHER_NS = "ns_other00001";

    public static final String ARTICLES = "bkt_articles01";
    public static final String VIDEOS = "bkt_mktvideos1";
    public static final String AUTHORED = "bkt_authored01";
    /** A bucket of {@link #OTHER_NS}. */
    public static final String FOREIGN_BUCKET = "bkt_foreign001";

    public static final String ARTICLE_EMBEDDINGS = "col_articles01";
    public static final String VIDEO_FRAMES = "col_vframes001";
    public static final String DETECTED_SCENES = "col_dscenes001";
    public static final String NEW_ID = "col_newcoll001";

    public static final String ARTICLE_EMBEDDINGS_DESCRIPTION =
            "Simple text collection: News articles with text embeddings from bucket source";

    public static final List<String> SEED_EXTRACTORS = List.of("text_extractor_v1", "multimodal_extractor_v1",
            "scene_extractor_v1", "image_extractor_v1", "image_extractor_v2");

    private Seed() {
    }

    // ---- schemas ---------------------------------------------------------------------------

    /** {@code schema("title", "string", "content", "text")}: fields in the given order. */
    public static ObjectSchema schema(String... namesAndTypes) {
        return new ObjectSchema(fields(namesAndTypes));
    }

    public static Map<String, FieldSchema> fields(String... namesAndTypes) {
        if (namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("names and types come in pairs");
        }
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.put(namesAndTypes[i], FieldSchema.of(namesAndTypes[i + 1]));
        }
        return fields;
    }

    public static FieldSchema object(String... namesAndTypes) {
        return new FieldSchema("object", null, null, null, fields(namesAndTypes));
    }

    public static final ObjectSchema ARTICLES_SCHEMA = schema("title", "string", "content", "text");
    public static final ObjectSchema VIDEOS_SCHEMA = schema("video", "video", "campaign_id", "string");
    public static final ObjectSchema AUTHORED_SCHEMA =
            schema("title", "string", "content", "text", "author", "string");

    // ---- directory -------------------------------------------------------------------------

    /** The seed namespace with its five extractors and three buckets, plus a foreign namespace and bucket. */
    public static InMemoryDirectory directory() {
        return new InMemoryDirectory()
                .namespace(NS, NS_NAME, SEED_EXTRACTORS.toArray(String[]::new))
                .bucket(ARTICLES, NS, "articles", ARTICLES_SCHEMA)
                .bucket(VIDEOS, NS, "marketing_videos", VIDEOS_SCHEMA)
                .bucket(AUTHORED, NS, "authored_articles", AUTHORED_SCHEMA)
                .namespace(OTHER_NS, "other", "text_extractor_v1")
                .bucket(FOREIGN_BUCKET, OTHER_NS, "foreign", ARTICLES_SCHEMA);
    }

    // ---- extractor configurations ------------------------------------------------------------

    public static FeatureExtractorConfig extractor(String name, String version, Map<String, String> inputMappings,
                                                   Map<String, Object> parameters, FieldPassthrough... passthrough) {
        return new FeatureExtractorConfig(name, version, parameters, inputMappings, List.of(passthrough), false);
    }

    public static FieldPassthrough pass(String sourcePath) {
        return new FieldPassthrough(sourcePath, null, null, null);
    }

    public static FieldPassthrough pass(String sourcePath, String targetPath) {
        return new FieldPassthrough(sourcePath, targetPath, null, null);
    }

    /** text_extractor v1 with text -> content and a title passthrough, as article_embeddings has. */
    public static FeatureExtractorConfig textOnContent() {
        return extractor("text_extractor", "v1", Map.of("text", "content"), null, pass("title"));
    }

    // ---- the seed collections ----------------------------------------------------------------

    public static CollectionConfig articleEmbeddingsConfig() {
        return new CollectionConfig(ARTICLE_EMBEDDINGS_DESCRIPTION, SourceConfig.buckets(List.of(ARTICLES)),
                textOnContent(), null, null, null);
    }

    public static CreateCollectionCommand createArticleEmbeddings() {
        return new CreateCollectionCommand(ARTICLE_EMBEDDINGS, NS, "article_embeddings", articleEmbeddingsConfig(),
                null);
    }

    public static CollectionSchemas articleEmbeddingsSchemas() {
        ObjectSchema output = schema("title", "string", "text_extractor_v1_embedding", "array");
        return new CollectionSchemas(schema("title", "string", "content", "text"), output, null,
                List.of(ownTier(articleEmbeddingsConfig(), output)));
    }

    public static CollectionCreated articleEmbeddingsCreated() {
        return new CollectionCreated(ARTICLE_EMBEDDINGS, NS, "article_embeddings", articleEmbeddingsConfig(),
                articleEmbeddingsSchemas(), NOW);
    }

    public static CollectionConfig videoFramesConfig() {
        // The seed sends {"bucket_id": ...}; the web layer turns it into a one-item bucket_ids.
        return new CollectionConfig(
                "Video frames: Extracted at 1 FPS with CLIP embeddings and campaign_id passthrough",
                SourceConfig.buckets(List.of(VIDEOS)),
                extractor("multimodal_extractor", "v1", Map.of("video", "video"), Map.of("fps", 1),
                        pass("campaign_id")),
                null, null, null);
    }

    public static CreateCollectionCommand createVideoFrames() {
        return new CreateCollectionCommand(VIDEO_FRAMES, NS, "video_frames", videoFramesConfig(), null);
    }

    public static CollectionSchemas videoFramesSchemas() {
        ObjectSchema output = schema("campaign_id", "string", "multimodal_extractor_v1_embedding", "array");
        return new CollectionSchemas(schema("video", "video", "campaign_id", "string"), output, null,
                List.of(ownTier(videoFramesConfig(), output)));
    }

    public static CollectionCreated videoFramesCreated() {
        return new CollectionCreated(VIDEO_FRAMES, NS, "video_frames", videoFramesConfig(), videoFramesSchemas(),
                NOW);
    }

    public static CollectionConfig detectedScenesConfig() {
        return new CollectionConfig(
                "Tier 2 decomposition: Scenes detected from frame embeddings (collection source)",
                SourceConfig.collection(VIDEO_FRAMES),
                extractor("scene_extractor", "v1", Map.of("embedding", "multimodal_extractor_v1_embedding"), null,
                        pass("campaign_id")),
                null, null, null);
    }

    public static CreateCollectionCommand createDetectedScenes() {
        return new CreateCollectionCommand(DETECTED_SCENES, NS, "detected_scenes", detectedScenesConfig(), null);
    }

    public static CollectionSchemas detectedScenesSchemas() {
        ObjectSchema output = schema("campaign_id", "string", "scene_extractor_v1_embedding", "array");
        List<SourceLineageEntry> tiers = new ArrayList<>(videoFramesSchemas().sourceLineage());
        tiers.add(ownTier(detectedScenesConfig(), output));
        return new CollectionSchemas(schema("campaign_id", "string", "multimodal_extractor_v1_embedding", "array"),
                output, null, tiers);
    }

    public static CollectionCreated detectedScenesCreated() {
        return new CollectionCreated(DETECTED_SCENES, NS, "detected_scenes", detectedScenesConfig(),
                detectedScenesSchemas(), NOW);
    }

    /** The processing tier a configuration adds to its collection's lineage: the last one. */
    public static SourceLineageEntry ownTier(CollectionConfig config, ObjectSchema outputSchema) {
        return new SourceLineageEntry(config.source(), config.featureExtractor(), outputSchema);
    }

    /** A create command for a new collection named {@code name} in the seed namespace. */
    public static CreateCollectionCommand create(String name, CollectionConfig config) {
        return new CreateCollectionCommand(NEW_ID, NS, name, config, null);
    }

    /** A bucket-sourced configuration with the given extractor and nothing else. */
    public static CollectionConfig fromBuckets(FeatureExtractorConfig extractor, String... bucketIds) {
        return new CollectionConfig(null, SourceConfig.buckets(List.of(bucketIds)), extractor, null, null, null);
    }
}
