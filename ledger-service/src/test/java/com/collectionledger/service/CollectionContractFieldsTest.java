package com.collectionledger.service;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.service.contract.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Mixpeek's clients send and read on collections, beyond the seed: a schedule, the response fields a
 * control plane knows (indexes, counts), the extractor parameters of Mixpeek's parameter schemas, the
 * collection's features, and every request example the OpenAPI document gives for create and clone.
 */
class CollectionContractFieldsTest extends LedgerHttpTest {

    private static final OpenApiDocument MIXPEEK = OpenApiDocument.mixpeek();
    private static final Map<String, Object> NIGHTLY = Map.of("trigger_type", "cron",
            "schedule_config", Map.of("cron_expression", "0 2 * * *", "timezone", "UTC"),
            "description", "Nightly re-processing");
    private static final Map<String, Object> EVERY_SIX_HOURS = Map.of("trigger_type", "interval",
            "schedule_config", Map.of("interval_seconds", 21600, "start_immediately", false));

    @Autowired
    CommandGateway commands;

    private HttpApi api;
    private String articles;

    @BeforeEach
    void namespaceAndBucket() {
        api = api().inNamespace(newNamespace());
        articles = newArticlesBucket(api, "articles");
    }

    // ---- 1. schedule ------------------------------------------------------------------------------

    @Test
    void scheduleIsStoredAndAnsweredOnCreateGetAndList() {
        HttpApi.Response created = api.post("/v1/collections", withSchedule(textCollection("nightly", articles),
                NIGHTLY));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("schedule")).isEqualTo(HttpApi.JSON.valueToTree(NIGHTLY));
        assertThat(api.get("/v1/collections/nightly").at("schedule")).isEqualTo(created.at("schedule"));
        assertThat(api.post("/v1/collections/list", Map.of()).at("results.0.schedule")).isEqualTo(created.at("schedule"));
        assertThat(api.get("/v1/collections/" + newTextCollection(api, "unscheduled", articles)).body().has("schedule"))
                .as("no schedule, no field").isFalse();
    }

    @Test
    void invalidScheduleIsA422AtItsPathAndStoresNothing() {
        HttpApi.Response badCron = api.post("/v1/collections", withSchedule(textCollection("bad-cron", articles),
                Map.of("trigger_type", "cron", "schedule_config", Map.of("cron_expression", "every night"))));
        HttpApi.Response badType = api.post("/v1/collections", withSchedule(textCollection("bad-type", articles),
                Map.of("trigger_type", "event", "schedule_config", Map.of())));
        HttpApi.Response notAnObject = api.post("/v1/collections", withSchedule(textCollection("bad-shape", articles),
                "daily"));

        assertThat(badCron.status()).isEqualTo(422);
        assertThat(badCron.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"schedule\",\"schedule_config\",\"cron_expression\"]");
        assertThat(badCron.text("detail.0.msg")).contains("five fields");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"schedule\",\"trigger_type\"]");
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(notAnObject.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"schedule\"]");
        for (String name : List.of("bad-cron", "bad-type", "bad-shape")) {
            assertThat(api.get("/v1/collections/" + name).status()).isEqualTo(404);
        }
    }

    @Test
    void cloneCopiesTheScheduleUnlessItOverridesIt() {
        api.post("/v1/collections", withSchedule(textCollection("scheduled", articles), NIGHTLY));

        HttpApi.Response copied = api.post("/v1/collections/scheduled/clone", Map.of("collection_name", "copied"));
        HttpApi.Response overridden = api.post("/v1/collections/scheduled/clone", Map.of("collection_name",
                "six-hourly", "schedule", EVERY_SIX_HOURS));
        HttpApi.Response invalid = api.post("/v1/collections/scheduled/clone", Map.of("collection_name",
                "never", "schedule", Map.of("trigger_type", "interval", "schedule_config", Map.of("interval_seconds", 0))));

        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        assertThat(copied.at("collection.schedule")).isEqualTo(HttpApi.JSON.valueToTree(NIGHTLY));
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
        assertThat(overridden.at("collection.schedule")).isEqualTo(HttpApi.JSON.valueToTree(EVERY_SIX_HOURS));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"schedule\",\"schedule_config\",\"interval_seconds\"]");
    }

    @Test
    void patchOfTheScheduleIsA422ThatSaysToCloneAndOtherPatchesKeepIt() {
        api.post("/v1/collections", withSchedule(textCollection("fixed", articles), NIGHTLY));

        HttpApi.Response rescheduled = api.patch("/v1/collections/fixed", Map.of("schedule", EVERY_SIX_HOURS));
        HttpApi.Response described = api.patch("/v1/collections/fixed", Map.of("description", "still nightly"));

        assertThat(rescheduled.status()).isEqualTo(422);
        assertThat(rescheduled.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"schedule\"]");
        assertThat(rescheduled.text("detail.0.msg")).contains("clone");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.at("schedule")).isEqualTo(HttpApi.JSON.valueToTree(NIGHTLY));
    }

    @Test
    void aCollectionStoredBeforeSchedulesExistedLoadsWithoutOne() {
        String namespaceId = jdbc.queryForObject("SELECT namespace_id FROM dir_bucket WHERE bucket_id = ?",
                String.class, articles);
        String id = "col_noschd" + UUID.randomUUID().toString().substring(0, 4);
        // CollectionCreated revision 1 as it was stored before collections had a schedule.
        String stored = """
                {"collectionId":"%s","namespaceId":"%s","collectionName":"before-schedules",
                 "config":{"description":null,"source":{"type":"bucket","bucketIds":["%s"]},
                   "featureExtractor":{"featureExtractorName":"text_extractor","version":"v1","parameters":null,
                     "inputMappings":{"text":"content"},"fieldPassthrough":[],"includeAllSourceFields":false},
                   "enabled":true,"metadata":{},"taxonomyApplications":[]},
                 "schemas":{"inputSchema":{"properties":{"title":{"type":"string"},"content":{"type":"text"}}},
                   "outputSchema":{"properties":{"text_extractor_v1_embedding":{"type":"array"}}},"sourceLineage":[]},
                 "createdAt":"2026-01-01T00:00:00Z"}""".formatted(id, namespaceId, articles);
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Collection', ?, ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), id, Instant.parse("2026-01-01T00:00:00Z").toString(),
                CollectionCreated.class.getName(), stored.getBytes(), "{}".getBytes());

        CommandOutcome patched = commands.sendAndWait(new UpdateCollectionCommand(id, namespaceId, null, "loaded",
                null, null, null, 0L));
        String cloneId = "col_noschc" + UUID.randomUUID().toString().substring(0, 4);
        commands.sendAndWait(new CloneCollectionCommand(id, namespaceId, cloneId, "clone-before-schedules",
                CollectionOverrides.none()));

        assertThat(patched.version()).isEqualTo(1);
        HttpApi.Response original = api.get("/v1/collections/" + id + "?version=1");
        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        assertThat(original.text("description")).isEqualTo("loaded");
        assertThat(original.body().has("schedule")).isFalse();
        assertThat(original.text("vector_indexes.0.index.name")).isEqualTo("text_extractor_v1_embedding");
        HttpApi.Response clone = api.get("/v1/collections/" + cloneId + "?version=0");
        assertThat(clone.status()).as(clone.toString()).isEqualTo(200);
        assertThat(clone.body().has("schedule")).isFalse();
    }

    // ---- 2. response fields -----------------------------------------------------------------------

    @Test
    void everyCollectionResponseCarriesIndexesAndCounts() {
        Map<String, Object> request = new LinkedHashMap<>(textCollection("indexed", articles));
        request.put("taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_topics"),
                Map.of("taxonomy_id", "tax_brands")));

        HttpApi.Response created = api.post("/v1/collections", request);
        String id = created.text("collection_id");
        HttpApi.Response patched = api.patch("/v1/collections/" + id, Map.of("taxonomy_applications",
                List.of(Map.of("taxonomy_id", "tax_topics"))));
        HttpApi.Response clone = api.post("/v1/collections/" + id + "/clone", Map.of("collection_name", "indexed-copy"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertIndexedTextCollection(created.body(), 2);
        assertIndexedTextCollection(api.get("/v1/collections/" + id + "?version=0").body(), 2);
        assertIndexedTextCollection(patched.body(), 1);
        assertIndexedTextCollection(api.get("/v1/collections/" + id).body(), 1);
        assertIndexedTextCollection(api.post("/v1/collections/list", Map.of("search", "indexed")).at("results.0"), 1);
        assertIndexedTextCollection(clone.at("collection"), 1);
    }

    @Test
    void vectorIndexesComeFromTheCollectionsOwnExtractor() {
        String videos = bucket(api, "videos", Map.of("video", "video", "campaign_id", "string"));

        HttpApi.Response frames = api.post("/v1/collections", Map.of("collection_name", "frames",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(videos)),
                "feature_extractor", Map.of("feature_extractor_name", "multimodal_extractor", "version", "v1",
                        "input_mappings", Map.of("video", "video"))));

        assertThat(frames.status()).as(frames.toString()).isEqualTo(200);
        JsonNode index = frames.at("vector_indexes.0");
        assertThat(frames.at("vector_indexes").size()).isEqualTo(1);
        assertThat(index.path("feature_uri").asText()).isEqualTo("mixpeek://multimodal_extractor@v1/embedding");
        assertThat(index.at("/index/name").asText()).isEqualTo("multimodal_extractor_v1_embedding");
        assertThat(index.at("/index/dimensions").asInt()).isEqualTo(1408);
        assertThat(frames.at("output_schema.properties").has("multimodal_extractor_v1_embedding")).isTrue();
    }

    // ---- 3. extractor parameters --------------------------------------------------------------------

    @Test
    void parametersAsMixpeeksSchemaExamplesAndDefaultsHaveThemAreAccepted() {
        String products = bucket(api, "products", Map.of("product_image", "image", "title", "string"));
        String videos = bucket(api, "videos", Map.of("video", "video"));
        List<JsonNode> text = new ArrayList<>();
        MIXPEEK.node("/components/schemas/TextExtractorParams/examples").forEach(text::add);
        text.add(defaults("TextExtractorParams"));
        List<JsonNode> image = new ArrayList<>();
        MIXPEEK.node("/components/schemas/ImageExtractorParams/examples").forEach(image::add);
        image.add(defaults("ImageExtractorParams"));
        List<JsonNode> multimodal = new ArrayList<>();
        // Its examples annotate themselves with "description" and "use_case", which are no parameters
        // (unknown parameters are a 422, see below): the parameters are the rest.
        MIXPEEK.node("/components/schemas/MultimodalExtractorParams/examples")
                .forEach(example -> multimodal.add(((ObjectNode) example.deepCopy()).without(List.of("description",
                        "use_case"))));
        multimodal.add(defaults("MultimodalExtractorParams"));

        int n = 0;
        for (JsonNode parameters : text) {
            assertAcceptedWith(parameters, "text-" + n++, articles, "text_extractor", Map.of("text", "content"));
        }
        for (JsonNode parameters : image) {
            assertAcceptedWith(parameters, "image-" + n++, products, "image_extractor", Map.of("image", "product_image"));
        }
        for (JsonNode parameters : multimodal) {
            assertAcceptedWith(parameters, "multimodal-" + n++, videos, "multimodal_extractor", Map.of("video", "video"));
        }
    }

    @Test
    void unknownParametersStayA422ThatNamesThem() {
        JsonNode annotated = MIXPEEK.node("/components/schemas/MultimodalExtractorParams/examples/0");
        String videos = bucket(api, "videos", Map.of("video", "video"));

        HttpApi.Response response = api.post("/v1/collections", collection("annotated", videos, "multimodal_extractor",
                Map.of("video", "video"), annotated));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail").findValues("loc").stream().map(JsonNode::toString).toList()).containsExactly(
                "[\"body\",\"feature_extractor\",\"parameters\",\"description\"]",
                "[\"body\",\"feature_extractor\",\"parameters\",\"use_case\"]");
        assertThat(response.text("detail.0.msg")).contains("is not a parameter of multimodal_extractor_v1");
    }

    @Test
    void theCatalogHasEveryParameterOfMixpeeksSchemaForItsExtractors() {
        Map<String, String> schemas = Map.of("text_extractor_v1", "TextExtractorParams",
                "image_extractor_v1", "ImageExtractorParams", "image_extractor_v2", "ImageExtractorParams",
                "multimodal_extractor_v1", "MultimodalExtractorParams");
        schemas.forEach((extractor, schema) -> {
            JsonNode published = new HttpApi(port, null).get("/v1/collections/features/extractors/" + extractor)
                    .at("parameter_schema.properties");
            List<String> mixpeek = new ArrayList<>();
            MIXPEEK.node("/components/schemas/" + schema + "/properties").fieldNames().forEachRemaining(mixpeek::add);
            List<String> ours = new ArrayList<>();
            published.fieldNames().forEachRemaining(ours::add);
            assertThat(ours).as(extractor).containsAll(mixpeek);
        });
    }

    // ---- 4. features --------------------------------------------------------------------------------

    @Test
    void featuresAreTheVectorOutputsOfTheCollectionsExtractor() {
        String id = newTextCollection(api, "described", articles);

        HttpApi.Response byId = api.get("/v1/collections/" + id + "/features");
        HttpApi.Response byName = api.get("/v1/collections/described/features");

        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.at("features").size()).isEqualTo(1);
        assertThat(byId.text("features.0.feature_address")).isEqualTo("mixpeek://text_extractor@v1/embedding");
        assertThat(byId.text("features.0.feature_extractor_name")).isEqualTo("text_extractor");
        assertThat(byId.text("features.0.version")).isEqualTo("v1");
        assertThat(byId.text("features.0.vector_index.name")).isEqualTo("text_extractor_v1_embedding");
        assertThat(byId.at("features.0.vector_index.dimensions").asInt()).isEqualTo(1024);
        assertThat(byId.at("features.0.primary").asBoolean()).isTrue();
        assertThat(byName.body()).isEqualTo(byId.body());
    }

    @Test
    void featuresOfAnUnknownDeletedOrForeignCollectionAreNotFound() {
        String id = newTextCollection(api, "doomed", articles);
        HttpApi foreign = api().inNamespace(newNamespace());
        assertThat(foreign.get("/v1/collections/" + id + "/features").status()).isEqualTo(404);
        assertThat(api.delete("/v1/collections/" + id).status()).isEqualTo(200);

        assertThat(api.get("/v1/collections/" + id + "/features").status()).isEqualTo(404);
        assertThat(api.get("/v1/collections/doomed/features").status()).isEqualTo(404);
        assertThat(api.get("/v1/collections/col_missing000/features").status()).isEqualTo(404);
        assertThat(api.with("X-Namespace", null).get("/v1/collections/doomed/features").status()).isEqualTo(400);
    }

    // ---- 5. the OpenAPI's request examples ------------------------------------------------------------

    /**
     * CreateCollectionRequest's three examples and CloneCollectionRequest's three, sent as the document
     * gives them. Their IDs ("bkt_products", "bkt_videos", "col_video_frames", "bkt_products_staging")
     * name buckets and collections that must exist first: they are created here and the examples' IDs
     * replaced by theirs (this service makes its own IDs). The clone examples clone the first create
     * example, product_embeddings; one of them uses image_extractor v2, which the namespace enables.
     */
    @Test
    void requestExamplesOfCreateAndCloneAreAcceptedOrRejectedByANamedRule() {
        HttpApi examples = api().inNamespace(namespaceWithEveryExtractor());
        Map<String, String> productFields = Map.of("product_image", "image", "title", "string", "category", "string");
        Map<String, String> ids = Map.of(
                "bkt_products", bucket(examples, "products", productFields),
                "bkt_products_staging", bucket(examples, "products_staging", productFields),
                "bkt_videos", bucket(examples, "videos", Map.of("video_url", "video", "campaign_id", "string",
                        "duration_seconds", "number")));
        JsonNode create = MIXPEEK.node("/components/schemas/CreateCollectionRequest/examples");
        assertThat(create.size()).isEqualTo(3);

        HttpApi.Response products = examples.post("/v1/collections", withIds(create.get(0), ids));
        HttpApi.Response frames = examples.post("/v1/collections", withIds(create.get(1), ids));
        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        assertThat(products.text("output_schema.properties.image_extractor_v1_embedding.type")).isEqualTo("array");
        assertThat(frames.status()).as(frames.toString()).isEqualTo(200);
        assertThat(frames.at("output_schema.properties").has("duration_seconds")).isTrue();

        // The third reads the frames collection through "scene_detector", which is not in the catalog: a
        // 422 that says so. With the catalog's scene extractor, reading the frames' embedding, it is created.
        Map<String, String> withFrames = new LinkedHashMap<>(ids);
        withFrames.put("col_video_frames", frames.text("collection_id"));
        ObjectNode scenes = withIds(create.get(2), withFrames);
        HttpApi.Response unknownExtractor = examples.post("/v1/collections", scenes);
        assertThat(unknownExtractor.status()).isEqualTo(422);
        assertThat(unknownExtractor.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"feature_extractor\",\"feature_extractor_name\"]");
        assertThat(unknownExtractor.text("detail.0.msg")).isEqualTo("feature extractor 'scene_detector_v1' is not in the catalog");
        ((ObjectNode) scenes.get("feature_extractor")).put("feature_extractor_name", "scene_extractor")
                .set("input_mappings", JsonNodeFactory.instance.objectNode()
                        .put("embedding", "multimodal_extractor_v1_embedding"));
        HttpApi.Response renamed = examples.post("/v1/collections", scenes);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        JsonNode clone = MIXPEEK.node("/components/schemas/CloneCollectionRequest/examples");
        assertThat(clone.size()).isEqualTo(3);
        for (JsonNode example : clone) {
            HttpApi.Response cloned = examples.post("/v1/collections/product_embeddings/clone", withIds(example, ids));
            assertThat(cloned.status()).as(example + " -> " + cloned).isEqualTo(201);
            assertThat(cloned.text("collection.collection_name")).isEqualTo(example.path("collection_name").asText());
        }
        assertThat(examples.get("/v1/collections/product_embeddings_clip_v2").text("feature_extractor.version"))
                .isEqualTo("v2");
        assertThat(examples.get("/v1/collections/product_embeddings_staging").at("source.bucket_ids.0").asText())
                .isEqualTo(ids.get("bkt_products_staging"));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void assertIndexedTextCollection(JsonNode collection, int taxonomies) {
        JsonNode index = collection.at("/vector_indexes/0");
        assertThat(collection.path("vector_indexes").size()).as(collection.toString()).isEqualTo(1);
        assertThat(index.path("name").asText()).isEqualTo("embedding");
        assertThat(index.path("type").asText()).isEqualTo("single");
        assertThat(index.path("feature_uri").asText()).isEqualTo("mixpeek://text_extractor@v1/embedding");
        assertThat(index.at("/index/name").asText()).isEqualTo("text_extractor_v1_embedding");
        assertThat(index.at("/index/dimensions").asInt()).isEqualTo(1024);
        assertThat(index.at("/index/distance").asText()).isEqualTo("cosine");
        assertThat(collection.path("payload_indexes").isArray()).isTrue();
        assertThat(collection.path("payload_indexes")).isEmpty();
        assertThat(collection.path("document_count").isInt()).isTrue();
        assertThat(collection.path("document_count").asInt()).isZero();
        assertThat(collection.path("schema_version").asInt()).isEqualTo(1);
        assertThat(collection.path("taxonomy_count").asInt()).isEqualTo(taxonomies);
        assertThat(collection.path("retriever_count").isInt()).isTrue();
        assertThat(collection.path("retriever_count").asInt()).isZero();
    }

    private void assertAcceptedWith(JsonNode parameters, String name, String bucket, String extractor,
                                    Map<String, String> inputs) {
        HttpApi.Response created = api.post("/v1/collections", collection(name, bucket, extractor, inputs, parameters));
        assertThat(created.status()).as(parameters + " -> " + created).isEqualTo(200);
        assertThat(created.at("feature_extractor.parameters")).isEqualTo(parameters);
    }

    private static Map<String, Object> collection(String name, String bucket, String extractor,
                                                  Map<String, String> inputs, JsonNode parameters) {
        return Map.of("collection_name", name, "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket)),
                "feature_extractor", Map.of("feature_extractor_name", extractor, "version", "v1",
                        "input_mappings", inputs, "parameters", parameters));
    }

    /**
     * A parameters object as a client that fills in Mixpeek's schema sends it: every property, with its
     * default, or null where the schema allows null and gives none, and nested models filled the same way.
     */
    private static ObjectNode defaults(String schema) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        MIXPEEK.node("/components/schemas/" + schema + "/properties").fields().forEachRemaining(property -> {
            JsonNode spec = property.getValue();
            if (spec.has("default")) {
                parameters.set(property.getKey(), spec.get("default"));
            } else if (spec.has("$ref")) {
                parameters.set(property.getKey(), defaults(spec.get("$ref").asText().substring("#/components/schemas/".length())));
            } else if (spec.path("anyOf").findValuesAsText("type").contains("null")) {
                parameters.putNull(property.getKey());
            }
        });
        return parameters;
    }

    /** The example with the IDs it names replaced by those of what this test created. */
    private static ObjectNode withIds(JsonNode example, Map<String, String> ids) {
        String text = example.toString();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("\"" + id.getKey() + "\"", "\"" + id.getValue() + "\"");
        }
        try {
            return (ObjectNode) HttpApi.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> withSchedule(Map<String, Object> request, Object schedule) {
        Map<String, Object> scheduled = new LinkedHashMap<>(request);
        scheduled.put("schedule", schedule);
        return scheduled;
    }

    private String bucket(HttpApi namespaced, String name, Map<String, String> fieldTypes) {
        Map<String, Object> properties = new LinkedHashMap<>();
        fieldTypes.forEach((field, type) -> properties.put(field, Map.of("type", type)));
        HttpApi.Response response = namespaced.post("/v1/buckets", Map.of("bucket_name", name,
                "bucket_schema", Map.of("properties", properties)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("bucket_id");
    }

    private String namespaceWithEveryExtractor() {
        String name = "examples-" + UUID.randomUUID().toString().substring(0, 8);
        ArrayNode extractors = JsonNodeFactory.instance.arrayNode();
        new HttpApi(port, null).get("/v1/collections/features/extractors").body().forEach(entry -> extractors.addObject()
                .put("feature_extractor_name", entry.path("feature_extractor_name").asText())
                .put("version", entry.path("version").asText()));
        HttpApi.Response response = api().post("/v1/namespaces", Map.of("namespace_name", name,
                "feature_extractors", extractors));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return name;
    }
}
