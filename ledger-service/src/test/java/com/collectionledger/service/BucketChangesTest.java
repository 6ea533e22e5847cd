package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH, PUT and DELETE of a bucket: a bucket live collections read cannot be deleted and its schema
 * may then only add fields (409 naming them, also under concurrency); a deleted bucket is gone
 * everywhere; unique_key and status are stored and answered; Mixpeek's request examples.
 */
class BucketChangesTest extends LedgerHttpTest {

    private static Map<String, Object> properties(Object... namesAndTypes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.put((String) namesAndTypes[i], Map.of("type", namesAndTypes[i + 1]));
        }
        return Map.of("properties", fields);
    }

    // ---- PATCH and PUT -----------------------------------------------------------------------

    /** Were dropped without a word: Mixpeek's BucketSchemaField has default, examples and enum. */
    @Test
    void schemaFieldsKeepTheirDefaultExamplesAndEnum() {
        HttpApi api = api().inNamespace(newNamespace());
        Map<String, Object> genre = Map.of("type", "string", "default", "news",
                "examples", List.of("news", "sport"), "enum", List.of("news", "sport", "culture"));
        HttpApi.Response created = api.post("/v1/buckets", Map.of("bucket_name", "tagged",
                "bucket_schema", Map.of("properties", Map.of("genre", genre, "content", Map.of("type", "text")))));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("bucket_schema.properties.genre").toString())
                .isEqualTo("{\"type\":\"string\",\"default\":\"news\",\"examples\":[\"news\",\"sport\"],"
                        + "\"enum\":[\"news\",\"sport\",\"culture\"]}");
        assertThat(api.get("/v1/buckets/tagged").at("bucket_schema")).isEqualTo(created.at("bucket_schema"));
        HttpApi.Response wrong = api.post("/v1/buckets", Map.of("bucket_name", "mistyped",
                "bucket_schema", Map.of("properties", Map.of("genre", Map.of("type", "string", "enum", "news")))));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
    }


    @Test
    void patchChangesNameDescriptionAndMetadataAndTheNewNameFindsIt() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newArticlesBucket(api, "articles");

        HttpApi.Response patched = api.patch("/v1/buckets/articles", Map.of("bucket_name", "news",
                "description", "all the news", "metadata", Map.of("team", "desk")));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("bucket_id")).isEqualTo(id);
        assertThat(patched.text("bucket_name")).isEqualTo("news");
        assertThat(patched.text("metadata.team")).isEqualTo("desk");
        assertThat(patched.text("status")).isEqualTo("ACTIVE");
        assertThat(api.get("/v1/buckets/news").body()).isEqualTo(patched.body());
        assertThat(api.get("/v1/buckets/articles").status()).isEqualTo(404);
        assertThat(api.post("/v1/buckets/list", Map.of()).at("results").findValuesAsText("bucket_name"))
                .containsExactly("news");
    }

    @Test
    void putIsTheSameChangeAsPatchAndKeepsWhatItDoesNotSend() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newArticlesBucket(api, "articles");
        api.patch("/v1/buckets/" + id, Map.of("metadata", Map.of("kept", true)));

        HttpApi.Response put = api.put("/v1/buckets/" + id, Map.of("description", "put"));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.text("description")).isEqualTo("put");
        assertThat(put.at("metadata.kept").asBoolean()).isTrue();
        assertThat(put.text("bucket_name")).isEqualTo("articles");
    }

    @Test
    void renameToATakenNameIsAlreadyExists() {
        HttpApi api = api().inNamespace(newNamespace());
        newArticlesBucket(api, "taken");
        String id = newArticlesBucket(api, "articles");

        HttpApi.Response response = api.patch("/v1/buckets/" + id, Map.of("bucket_name", "taken"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("error.type")).isEqualTo("AlreadyExistsError");
    }

    @Test
    void unknownBucketOrOneOfAnotherNamespaceIsNotFound() {
        HttpApi api = api().inNamespace(newNamespace());
        String foreign = newArticlesBucket(api().inNamespace(newNamespace()), "foreign");
        for (String identifier : List.of("no-such-bucket", foreign)) {
            for (HttpApi.Response response : List.of(api.patch("/v1/buckets/" + identifier, Map.of("description", "x")),
                    api.put("/v1/buckets/" + identifier, Map.of("description", "x")),
                    api.delete("/v1/buckets/" + identifier))) {
                assertThat(response.status()).as(response.toString()).isEqualTo(404);
                assertThat(response.text("error.type")).isEqualTo("NotFoundError");
            }
        }
    }

    @Test
    void changesNeedTheWritePermissionAndDeletionTheDeletePermission() {
        String namespace = newNamespace();
        String id = newArticlesBucket(api().inNamespace(namespace), "articles");
        String reader = api().post("/v1/api-keys", Map.of("name", "reader", "permissions", List.of("read"),
                "namespaces", List.of("*"))).text("key");
        HttpApi readOnly = new HttpApi(port, reader).inNamespace(namespace);
        String writer = api().post("/v1/api-keys", Map.of("name", "writer", "permissions", List.of("write"),
                "namespaces", List.of("*"))).text("key");
        HttpApi writeOnly = new HttpApi(port, writer).inNamespace(namespace);

        assertThat(readOnly.patch("/v1/buckets/" + id, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(readOnly.put("/v1/buckets/" + id, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(writeOnly.delete("/v1/buckets/" + id).status()).isEqualTo(403);
        assertThat(writeOnly.patch("/v1/buckets/" + id, Map.of("description", "x")).status()).isEqualTo(200);
    }

    @Test
    void invalidChangesAreValidationErrorsAtTheirPath() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newArticlesBucket(api, "articles");
        List<Object[]> cases = List.of(
                new Object[]{Map.of("bucket_name", "bkt_like_an_id"), "[\"body\",\"bucket_name\"]"},
                new Object[]{Map.of("description", "d".repeat(2_001)), "[\"body\",\"description\"]"},
                new Object[]{Map.of("bucket_schema", properties("title", "varchar")),
                        "[\"body\",\"bucket_schema\",\"properties\",\"title\",\"type\"]"},
                new Object[]{Map.of("unique_key", Map.of("fields", List.of("title"))), "[\"body\",\"unique_key\"]"},
                new Object[]{Map.of("object_count", 5), "[\"body\",\"object_count\"]"},
                new Object[]{Map.of("metadata", "not an object"), "[\"body\",\"metadata\"]"});
        for (Object[] c : cases) {
            HttpApi.Response response = api.patch("/v1/buckets/" + id, c[0]);
            assertThat(response.status()).as(c[0] + " -> " + response).isEqualTo(422);
            assertThat(response.at("detail.0.loc").toString()).as(c[0].toString()).isEqualTo(c[1]);
        }
        assertThat(api.get("/v1/buckets/" + id).text("bucket_name")).isEqualTo("articles");
    }

    // ---- bucket_schema while collections read the bucket ------------------------------------------

    @Test
    void schemaThatOnlyAddsFieldsIsAcceptedWhileCollectionsReadTheBucketAndNewCollectionsSeeTheNewField() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        newTextCollection(api, "article_embeddings", bucket);

        HttpApi.Response grown = api.patch("/v1/buckets/" + bucket, Map.of("bucket_schema",
                properties("title", "string", "content", "text", "summary", "text")));

        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(grown.at("bucket_schema.properties").has("summary")).isTrue();
        HttpApi.Response summaries = api.post("/v1/collections", Map.of("collection_name", "summaries",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "summary"))));
        assertThat(summaries.status()).as(summaries.toString()).isEqualTo(200);
        assertThat(api.get("/v1/collections/article_embeddings").at("input_schema.properties").has("summary"))
                .as("an existing collection keeps the input schema it was derived with").isFalse();
    }

    @Test
    void schemaDroppingOrRetypingAFieldWhileCollectionsReadTheBucketIsAConflictNamingThem() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String reader = newTextCollection(api, "article_embeddings", bucket);

        for (Map<String, Object> schema : List.of(properties("title", "string"),
                properties("title", "string", "content", "string"))) {
            HttpApi.Response response = api.put("/v1/buckets/" + bucket, Map.of("bucket_schema", schema));
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.text("error.type")).isEqualTo("ConflictError");
            assertThat(response.text("error.details.dependents.0.collection_id")).isEqualTo(reader);
            assertThat(response.text("error.details.fields.0")).isEqualTo("content");
            assertThat(response.text("error.message")).contains("article_embeddings", "content");
        }
        assertThat(api.get("/v1/buckets/" + bucket).at("bucket_schema.properties.content.type").asText())
                .isEqualTo("text");

        assertThat(api.delete("/v1/collections/" + reader).status()).isEqualTo(200);
        HttpApi.Response unread = api.patch("/v1/buckets/" + bucket, Map.of("bucket_schema", properties("title", "string")));
        assertThat(unread.status()).as("no live reader: any valid schema " + unread).isEqualTo(200);
    }

    @Test
    void schemaThatWouldMakeTheSourcesOfAMultiBucketCollectionClashIsAConflict() {
        HttpApi api = api().inNamespace(newNamespace());
        String articles = newArticlesBucket(api, "articles");
        String authored = api.post("/v1/buckets", Map.of("bucket_name", "authored", "bucket_schema",
                properties("title", "string", "content", "text", "author", "string"))).text("bucket_id");
        HttpApi.Response merged = api.post("/v1/collections", Map.of("collection_name", "merged",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(articles, authored)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "content"))));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        HttpApi.Response clash = api.patch("/v1/buckets/" + articles, Map.of("bucket_schema",
                properties("title", "string", "content", "text", "author", "integer")));

        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.text("error.details.dependents.0.collection_name")).isEqualTo("merged");
        assertThat(clash.text("error.message")).contains("author");
    }

    // ---- DELETE --------------------------------------------------------------------------------

    @Test
    void bucketThatLiveCollectionsReadCannotBeDeletedAndItsReadersAreNamed() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String reader = newTextCollection(api, "article_embeddings", bucket);

        HttpApi.Response refused = api.delete("/v1/buckets/articles");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("error.type")).isEqualTo("ConflictError");
        assertThat(refused.text("error.details.dependents.0.collection_id")).isEqualTo(reader);
        assertThat(refused.text("error.details.dependents.0.collection_name")).isEqualTo("article_embeddings");
        assertThat(api.get("/v1/buckets/" + bucket).status()).isEqualTo(200);
    }

    @Test
    void deletedBucketVanishesAndNewCollectionsCannotUseIt() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String reader = newTextCollection(api, "article_embeddings", bucket);
        assertThat(api.delete("/v1/collections/" + reader).status()).isEqualTo(200);

        HttpApi.Response deleted = api.delete("/v1/buckets/" + bucket);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.at("success").asBoolean()).isTrue();
        assertThat(deleted.text("bucket_id")).isEqualTo(bucket);
        assertThat(deleted.text("bucket_name")).isEqualTo("articles");
        assertThat(api.get("/v1/buckets/" + bucket).status()).isEqualTo(404);
        assertThat(api.get("/v1/buckets/articles").status()).isEqualTo(404);
        assertThat(api.post("/v1/buckets/list", Map.of()).at("total_count").asInt()).isZero();
        HttpApi.Response unusable = api.post("/v1/collections", textCollection("again", bucket));
        assertThat(unusable.status()).as(unusable.toString()).isEqualTo(422);
        assertThat(unusable.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"source\",\"bucket_ids\",\"0\"]");
        assertThat(api.delete("/v1/buckets/" + bucket).status()).isEqualTo(404);
        assertThat(newArticlesBucket(api, "articles")).as("its name is free").isNotEqualTo(bucket);
    }

    @Test
    void deletionRacingANewReaderEitherRefusesOrLeavesTheReaderNoBucket() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        for (int round = 0; round < 4; round++) {
            String bucket = newArticlesBucket(api, "race-" + round);
            String reader = "reader-" + round;
            List<Callable<HttpApi.Response>> calls = List.of(
                    () -> api.delete("/v1/buckets/" + bucket),
                    () -> api.post("/v1/collections", textCollection(reader, bucket)));

            List<HttpApi.Response> responses = Concurrently.run(calls);

            int deleted = responses.get(0).status();
            int created = responses.get(1).status();
            if (deleted == 200) {
                assertThat(created).as("the reader lost: " + responses.get(1)).isEqualTo(422);
            } else {
                assertThat(deleted).as(responses.get(0).toString()).isEqualTo(409);
                assertThat(created).as(responses.get(1).toString()).isEqualTo(200);
            }
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM dir_collection_bucket r JOIN dir_collection c ON c.collection_id = r.collection_id
                    WHERE r.bucket_id = ? AND NOT c.deleted
                      AND NOT EXISTS (SELECT 1 FROM dir_bucket b WHERE b.bucket_id = r.bucket_id)""", Long.class, bucket))
                    .as("no live collection reads a deleted bucket").isZero();
        }
    }

    @Test
    void schemaChangeRacingANewReaderEitherRefusesOrTheReaderFails() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        for (int round = 0; round < 4; round++) {
            String bucket = newArticlesBucket(api, "race-" + round);
            String reader = "reader-" + round;
            List<Callable<HttpApi.Response>> calls = List.of(
                    () -> api.patch("/v1/buckets/" + bucket, Map.of("bucket_schema", properties("title", "string"))),
                    () -> api.post("/v1/collections", textCollection(reader, bucket)));

            List<HttpApi.Response> responses = Concurrently.run(calls);

            int changed = responses.get(0).status();
            int created = responses.get(1).status();
            if (changed == 200) {
                assertThat(created).as("content is gone: " + responses.get(1)).isIn(409, 422);
            } else {
                assertThat(changed).as(responses.get(0).toString()).isEqualTo(409);
                assertThat(created).as(responses.get(1).toString()).isEqualTo(200);
            }
        }
    }

    // ---- fields: unique_key and status -------------------------------------------------------------

    @Test
    void uniqueKeyIsStoredAnsweredAndFixedAfterCreation() {
        HttpApi api = api().inNamespace(newNamespace());
        HttpApi.Response created = api.post("/v1/buckets", Map.of("bucket_name", "videos",
                "bucket_schema", properties("video_id", "string", "video", "video"),
                "unique_key", Map.of("fields", List.of("video_id"), "default_policy", "upsert")));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.text("unique_key.fields.0")).isEqualTo("video_id");
        assertThat(created.text("unique_key.default_policy")).isEqualTo("upsert");
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        HttpApi.Response read = api.get("/v1/buckets/videos");
        assertThat(read.at("unique_key")).isEqualTo(created.at("unique_key"));

        HttpApi.Response changed = api.patch("/v1/buckets/videos", Map.of("unique_key",
                Map.of("fields", List.of("video"))));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.at("detail.0.msg").asText()).contains("fixed when the bucket is created");
        HttpApi.Response keyDropped = api.patch("/v1/buckets/videos", Map.of("bucket_schema",
                properties("video", "video")));
        assertThat(keyDropped.status()).as("the key's field must stay: " + keyDropped).isEqualTo(422);
        assertThat(api.post("/v1/buckets/list", Map.of()).at("results.0.unique_key.fields.0").asText())
                .isEqualTo("video_id");
    }

    @Test
    void invalidUniqueKeyIsAValidationErrorAndStoresNothing() {
        HttpApi api = api().inNamespace(newNamespace());
        HttpApi.Response response = api.post("/v1/buckets", Map.of("bucket_name", "videos",
                "bucket_schema", properties("video_id", "string", "video", "video"),
                "unique_key", Map.of("fields", List.of("video"), "default_policy", "merge")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"unique_key\",\"fields\",\"0\"]");
        assertThat(response.at("detail.1.loc").toString()).isEqualTo("[\"body\",\"unique_key\",\"default_policy\"]");
        assertThat(api.get("/v1/buckets/videos").status()).isEqualTo(404);
    }

    @Test
    void bucketWithoutUniqueKeyAnswersNullAndIsActive() {
        HttpApi api = api().inNamespace(newNamespace());
        newArticlesBucket(api, "articles");
        HttpApi.Response read = api.get("/v1/buckets/articles");
        assertThat(read.at("unique_key").isNull()).isTrue();
        assertThat(read.text("status")).isEqualTo("ACTIVE");
    }

    // ---- Mixpeek's request examples ---------------------------------------------------------------

    @Test
    void mixpeeksBucketCreateExamplesAreAccepted() {
        HttpApi api = api().inNamespace(newNamespace());
        JsonNode examples = NamespaceChangesTest.schema("BucketCreateRequest").path("examples");
        assertThat(examples.size()).isEqualTo(3);
        for (JsonNode example : examples) {
            HttpApi.Response created = api.post("/v1/buckets", example);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            assertThat(created.at("bucket_schema")).isEqualTo(example.path("bucket_schema"));
        }
    }

    @Test
    void mixpeeksUniqueKeyExamplesAreAccepted() {
        HttpApi api = api().inNamespace(newNamespace());
        JsonNode examples = NamespaceChangesTest.schema("UniqueKeyConfig").path("examples");
        assertThat(examples.size()).isEqualTo(7);
        int i = 0;
        for (JsonNode example : examples) {
            Map<String, Object> fields = new LinkedHashMap<>();
            example.path("fields").forEach(field -> fields.put(field.asText(),
                    Map.of("type", field.asText().equals("timestamp") ? "datetime" : "string")));
            fields.put("payload", Map.of("type", "text"));
            ObjectNode body = HttpApi.JSON.valueToTree(Map.of("bucket_name", "keyed-" + i++,
                    "bucket_schema", Map.of("properties", fields)));
            body.set("unique_key", example);
            HttpApi.Response created = api.post("/v1/buckets", body);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            assertThat(created.at("unique_key.fields")).isEqualTo(example.path("fields"));
        }
    }

    // ---- the migration's backfill (V9) -------------------------------------------------------------------

    @Test
    void theMigrationFindsTheBucketsOfCollectionsThatExistedBeforeIt() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String articles = newArticlesBucket(api, "articles");
        String authored = newArticlesBucket(api, "authored");
        String single = newTextCollection(api, "single", articles);
        String multi = api.post("/v1/collections", Map.of("collection_name", "multi",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(articles, authored)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "content")))).text("collection_id");
        String downstream = api.post("/v1/collections", Map.of("collection_name", "downstream",
                "source", Map.of("type", "collection", "collection_id", single),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "text_extractor_v1_embedding")))).text("collection_id");
        List<String> ours = List.of(single, multi, downstream);
        String rows = "SELECT collection_id || '>' || bucket_id FROM dir_collection_bucket WHERE collection_id IN (?, ?, ?) "
                + "ORDER BY 1";
        List<String> kept = jdbc.queryForList(rows, String.class, ours.toArray());
        jdbc.update("DELETE FROM dir_collection_bucket WHERE collection_id IN (?, ?, ?)", ours.toArray());

        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/common/V*__namespace_and_bucket_changes.sql");
        assertThat(found).hasSize(1);
        String migration = found[0].getContentAsString(StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("INSERT INTO dir_collection_bucket"));
        jdbc.update(backfill.substring(0, backfill.indexOf(';')) + " AND c.collection_id IN (?, ?, ?)", ours.toArray());

        assertThat(jdbc.queryForList(rows, String.class, ours.toArray())).isEqualTo(kept)
                .containsExactlyInAnyOrderElementsOf(new ArrayList<>(List.of(single + ">" + articles,
                        multi + ">" + articles, multi + ">" + authored)));
    }
}
