package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH and PUT of a namespace (admin keys): every field Mixpeek's requests carry, validated, stored
 * and answered; unique names under concurrency; the extractors live collections use kept; a rename
 * that would change which API keys may use the namespace refused; Mixpeek's request examples.
 */
class NamespaceChangesTest extends LedgerHttpTest {

    static final JsonNode MIXPEEK = mixpeekDocument();

    static JsonNode schema(String name) {
        return MIXPEEK.path("components").path("schemas").path(name);
    }

    static JsonNode example(String schema, String property) {
        return schema(schema).path("properties").path(property).path("example");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpApi.Response rename(String identifier, String newName) {
        return api().patch("/v1/namespaces/" + identifier, Map.of("namespace_name", newName));
    }

    private HttpApi.Response key(String name, List<String> permissions, List<String> namespaces) {
        HttpApi.Response created = api().post("/v1/api-keys", Map.of("name", name, "permissions", permissions,
                "namespaces", namespaces));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created;
    }

    // ---- PATCH and PUT -----------------------------------------------------------------------

    @Test
    void patchRenamesTheNamespaceAndOnlyTheNewNameFindsItAfterwards() {
        String oldName = newNamespace();
        HttpApi old = api().inNamespace(oldName);
        String bucket = newArticlesBucket(old, "articles");
        String newName = unique("renamed");

        HttpApi.Response renamed = rename(oldName, newName);

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("namespace_name")).isEqualTo(newName);
        assertThat(renamed.header("X-Read-Model-Status")).isEqualTo("current");
        assertThat(api().get("/v1/namespaces/" + newName).text("namespace_id")).isEqualTo(renamed.text("namespace_id"));
        assertThat(api().get("/v1/namespaces/" + oldName).status()).isEqualTo(404);
        assertThat(api().inNamespace(newName).get("/v1/buckets/" + bucket).status()).isEqualTo(200);
        HttpApi.Response byOldName = old.get("/v1/buckets/" + bucket);
        assertThat(byOldName.status()).isEqualTo(404);
        assertThat(byOldName.text("error.type")).isEqualTo("NotFoundError");
        assertThat(api().post("/v1/namespaces/list?limit=1000", Map.of()).at("results")
                .findValuesAsText("namespace_name")).contains(newName).doesNotContain(oldName);
    }

    @Test
    void putIsTheSameChangeAsPatchAndKeepsWhatItDoesNotSend() {
        String name = newNamespace();
        HttpApi.Response described = api().patch("/v1/namespaces/" + name, Map.of("description", "kept"));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);

        HttpApi.Response put = api().put("/v1/namespaces/" + name, Map.of("auto_create_indexes", true));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.at("auto_create_indexes").asBoolean()).isTrue();
        assertThat(put.text("description")).isEqualTo("kept");
        assertThat(put.at("feature_extractors").size()).isEqualTo(4);
        assertThat(api().get("/v1/namespaces/" + name).body()).isEqualTo(put.body());
    }

    @Test
    void unchangedNamespaceAnswersItselfAndStoresNoEvent() {
        String name = newNamespace();
        String id = api().get("/v1/namespaces/" + name).text("namespace_id");

        HttpApi.Response same = rename(name, name);

        assertThat(same.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void renameToATakenNameIsAlreadyExists() {
        String taken = newNamespace();
        HttpApi.Response response = rename(newNamespace(), taken);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("error.type")).isEqualTo("AlreadyExistsError");
    }

    @Test
    void concurrentRenamesOfDifferentNamespacesToOneNameMakeExactlyOneWinner() throws Exception {
        String contested = unique("contested");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(api().get("/v1/namespaces/" + newNamespace()).text("namespace_id"));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> rename(id, contested).status());
        }

        List<Integer> statuses = Concurrently.run(calls);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(ids.size() - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_namespace WHERE namespace_name = ?", Long.class,
                contested)).isEqualTo(1);
        assertThat(api().get("/v1/namespaces/" + contested).text("namespace_id"))
                .isEqualTo(ids.get(statuses.indexOf(200)));
    }

    @Test
    void unknownNamespaceIsNotFoundForEveryChange() {
        // The OpenAPI's examples of namespace_identifier, a name and an ID, name no namespace here.
        for (HttpApi.Response response : List.of(rename("my_namespace", "whatever"),
                api().put("/v1/namespaces/ns_1234567890", Map.of("description", "x")),
                api().delete("/v1/namespaces/my_namespace"), api().delete("/v1/namespaces/ns_1234567890"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.text("error.type")).isEqualTo("NotFoundError");
        }
    }

    @Test
    void changesNeedAnAdminKeyAndANamespaceInItsScope() {
        String name = newNamespace();
        String writer = key("writer", List.of("read", "write", "delete"), List.of("*")).text("key");
        HttpApi notAdmin = new HttpApi(port, writer);
        assertThat(notAdmin.patch("/v1/namespaces/" + name, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(notAdmin.put("/v1/namespaces/" + name, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(notAdmin.delete("/v1/namespaces/" + name).status()).isEqualTo(403);

        String scopedAdmin = key("scoped admin", List.of("admin"), List.of("elsewhere-*")).text("key");
        HttpApi outOfScope = new HttpApi(port, scopedAdmin);
        assertThat(outOfScope.patch("/v1/namespaces/" + name, Map.of("description", "x")).status()).isEqualTo(404);
        assertThat(outOfScope.delete("/v1/namespaces/" + name).status()).isEqualTo(404);
        assertThat(api().get("/v1/namespaces/" + name).status()).as("still there").isEqualTo(200);
    }

    @Test
    void invalidChangesAreValidationErrorsAtTheirPath() {
        String name = newNamespace();
        List<Object[]> cases = List.of(
                new Object[]{Map.of("namespace_name", "ns_like_an_id"), "[\"body\",\"namespace_name\"]"},
                new Object[]{Map.of("feature_extractors", List.of()), "[\"body\",\"feature_extractors\"]"},
                new Object[]{Map.of("feature_extractors", List.of(Map.of("feature_extractor_name", "x", "version", "v1"))),
                        "[\"body\",\"feature_extractors\",\"0\"]"},
                new Object[]{Map.of("payload_indexes", List.of(Map.of("field_name", "a", "type", "vector"))),
                        "[\"body\",\"payload_indexes\",\"0\",\"type\"]"},
                new Object[]{Map.of("auto_create_indexes", "yes"), "[\"body\",\"auto_create_indexes\"]"},
                new Object[]{Map.of("infrastructure", Map.of("qdrant_collection", "ns_x")), "[\"body\",\"infrastructure\"]"},
                new Object[]{Map.of("namespace_type", "marketplace"), "[\"body\",\"namespace_type\"]"},
                new Object[]{Map.of("colour", "blue"), "[\"body\",\"colour\"]"});
        for (Object[] c : cases) {
            HttpApi.Response response = api().patch("/v1/namespaces/" + name, c[0]);
            assertThat(response.status()).as(c[0] + " -> " + response).isEqualTo(422);
            assertThat(response.at("detail.0.loc").toString()).as(c[0].toString()).isEqualTo(c[1]);
            assertThat(response.at("error.details.validation_errors").size()).isEqualTo(1);
        }
        HttpApi.Response nulls = api().patch("/v1/namespaces/" + name, Collections.singletonMap(
                "infrastructure", null));
        assertThat(nulls.status()).as("null means omitted: " + nulls).isEqualTo(200);
    }

    // ---- feature_extractors while collections use them --------------------------------------------

    @Test
    void removingAnExtractorLiveCollectionsUseIsAConflictNamingThemAndAddingOneIsFine() {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        String bucket = newArticlesBucket(api, "articles");
        String collection = newTextCollection(api, "article_embeddings", bucket);
        Map<String, String> text = Map.of("feature_extractor_name", "text_extractor", "version", "v1");
        Map<String, String> image = Map.of("feature_extractor_name", "image_extractor", "version", "v1");

        HttpApi.Response removed = api().patch("/v1/namespaces/" + name, Map.of("feature_extractors", List.of(image)));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(409);
        assertThat(removed.text("error.type")).isEqualTo("ConflictError");
        assertThat(removed.text("error.details.dependents.0.collection_id")).isEqualTo(collection);
        assertThat(removed.text("error.details.dependents.0.collection_name")).isEqualTo("article_embeddings");
        assertThat(removed.text("error.message")).contains("text_extractor_v1", "article_embeddings");

        HttpApi.Response params = api().patch("/v1/namespaces/" + name, Map.of("feature_extractors", List.of(
                Map.of("feature_extractor_name", "text_extractor", "version", "v1", "params", Map.of("model", "m2")))));
        assertThat(params.status()).as("params of an extractor in use are locked: " + params).isEqualTo(409);

        HttpApi.Response narrowed = api().patch("/v1/namespaces/" + name, Map.of("feature_extractors", List.of(text)));
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(narrowed.at("feature_extractors").findValuesAsText("feature_extractor_id"))
                .containsExactly("text_extractor_v1");
        HttpApi.Response unusable = api.post("/v1/collections", Map.of("collection_name", "frames",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket)),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "content"))));
        assertThat(unusable.status()).as("a removed extractor: " + unusable).isEqualTo(422);

        assertThat(api.delete("/v1/collections/" + collection).status()).isEqualTo(200);
        HttpApi.Response freed = api().patch("/v1/namespaces/" + name, Map.of("feature_extractors", List.of(image)));
        assertThat(freed.status()).as("nothing live uses it now: " + freed).isEqualTo(200);
    }

    // ---- fields Mixpeek sends that were dropped, and fields it answers ---------------------------

    @Test
    void payloadIndexesAndAutoCreateIndexesAreStoredAndAnswered() {
        String name = unique("indexed");
        List<Map<String, Object>> indexes = List.of(Map.of("field_name", "user_id", "type", "keyword",
                "field_schema", Map.of("is_tenant", true)));
        HttpApi.Response created = api().post("/v1/namespaces", Map.of("namespace_name", name,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")),
                "payload_indexes", indexes, "auto_create_indexes", true));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        HttpApi.Response read = api().get("/v1/namespaces/" + name);
        assertThat(read.text("payload_indexes.0.field_name")).isEqualTo("user_id");
        assertThat(read.text("payload_indexes.0.type")).isEqualTo("keyword");
        assertThat(read.at("payload_indexes.0.field_schema.is_tenant").asBoolean()).isTrue();
        assertThat(read.at("payload_indexes.0.is_protected").asBoolean()).isFalse();
        assertThat(read.at("auto_create_indexes").asBoolean()).isTrue();
        assertThat(created.at("payload_indexes")).isEqualTo(read.at("payload_indexes"));

        HttpApi.Response cleared = api().patch("/v1/namespaces/" + name, Map.of("payload_indexes", List.of(),
                "auto_create_indexes", false));
        assertThat(cleared.at("payload_indexes").size()).isZero();
        assertThat(cleared.at("auto_create_indexes").asBoolean()).isFalse();
    }

    @Test
    void invalidPayloadIndexesOnCreateAreValidationErrorsAndStoreNothing() {
        String name = unique("bad-indexes");
        HttpApi.Response response = api().post("/v1/namespaces", Map.of("namespace_name", name,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")),
                "payload_indexes", List.of(Map.of("field_name", "title", "type", "text",
                        "field_schema", Map.of("tokenizer", "ngram")))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"payload_indexes\",\"0\",\"field_schema\",\"tokenizer\"]");
        assertThat(api().get("/v1/namespaces/" + name).status()).isEqualTo(404);
    }

    @Test
    void namespaceTypeIsStandardAndInfrastructureIsRefusedOnCreate() {
        String name = unique("standard");
        Map<String, Object> extractors = Map.of("feature_extractors", List.of(
                Map.of("feature_extractor_name", "text_extractor", "version", "v1")));
        HttpApi.Response standard = api().post("/v1/namespaces", merged(extractors, Map.of("namespace_name", name,
                "namespace_type", "standard")));
        assertThat(standard.status()).as(standard.toString()).isEqualTo(200);
        assertThat(standard.text("namespace_type")).isEqualTo("standard");

        HttpApi.Response marketplace = api().post("/v1/namespaces", merged(extractors, Map.of("namespace_name",
                unique("market"), "namespace_type", "marketplace")));
        assertThat(marketplace.status()).isEqualTo(422);
        assertThat(marketplace.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"namespace_type\"]");
        HttpApi.Response dedicated = api().post("/v1/namespaces", merged(extractors, Map.of("namespace_name",
                unique("dedicated"), "infrastructure", Map.of("qdrant_collection", "ns_dedicated"))));
        assertThat(dedicated.status()).isEqualTo(422);
        assertThat(dedicated.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"infrastructure\"]");
    }

    @Test
    void namespaceAnswersHowManyBucketsAndLiveCollectionsItHolds() {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        HttpApi.Response empty = api().get("/v1/namespaces/" + name);
        assertThat(empty.at("bucket_count").asLong()).isZero();
        assertThat(empty.at("collection_count").asLong()).isZero();
        assertThat(empty.body().has("document_count")).as("not known to a control plane").isFalse();
        assertThat(empty.body().has("object_count")).isFalse();

        String bucket = newArticlesBucket(api, "articles");
        newArticlesBucket(api, "more");
        newTextCollection(api, "kept", bucket);
        String deleted = newTextCollection(api, "deleted", bucket);
        api.delete("/v1/collections/" + deleted);

        HttpApi.Response counted = api().get("/v1/namespaces/" + name);
        assertThat(counted.at("bucket_count").asLong()).isEqualTo(2);
        assertThat(counted.at("collection_count").asLong()).isEqualTo(1);
        JsonNode listed = api().post("/v1/namespaces/list?limit=1000", Map.of()).at("results");
        for (JsonNode namespace : listed) {
            if (namespace.path("namespace_name").asText().equals(name)) {
                assertThat(namespace.path("bucket_count").asLong()).isEqualTo(2);
                assertThat(namespace.path("collection_count").asLong()).isEqualTo(1);
            }
        }
    }

    // ---- Mixpeek's request examples ---------------------------------------------------------------

    @Test
    void mixpeeksNamespaceRequestExamplesAreAccepted() {
        ObjectNode create = HttpApi.JSON.createObjectNode();
        for (String field : List.of("namespace_name", "description", "feature_extractors", "payload_indexes",
                "auto_create_indexes")) {
            create.set(field, example("CreateNamespaceRequest", field));
        }
        HttpApi.Response created = api().post("/v1/namespaces", create);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("payload_indexes.0.field_schema.tokenizer").asText()).isEqualTo("word");
        assertThat(created.text("feature_extractors.1.params.model")).isEqualTo("siglip_base");
        String id = created.text("namespace_id");

        ObjectNode update = HttpApi.JSON.createObjectNode();
        update.set("namespace_name", example("UpdateNamespaceRequest", "namespace_name"));
        update.set("payload_indexes", example("UpdateNamespaceRequest", "payload_indexes"));
        HttpApi.Response put = api().put("/v1/namespaces/" + id, update);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.at("payload_indexes.1.field_schema.is_tenant").asBoolean()).isFalse();

        ObjectNode patch = HttpApi.JSON.createObjectNode();
        patch.set("namespace_name", example("PatchNamespaceRequest", "namespace_name"));
        patch.set("auto_create_indexes", example("PatchNamespaceRequest", "auto_create_indexes"));
        HttpApi.Response patched = api().patch("/v1/namespaces/" + id, patch);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("namespace_name")).isEqualTo("spotify_playlists_prod");
        assertThat(patched.at("auto_create_indexes").asBoolean()).isTrue();
    }

    @Test
    void mixpeeksPayloadIndexExamplesAreAcceptedExceptTheSystemManagedOne() {
        JsonNode examples = schema("PayloadIndexConfig-Input").path("examples");
        assertThat(examples.size()).isEqualTo(3);
        String name = newNamespace();
        for (JsonNode example : examples) {
            HttpApi.Response response = api().patch("/v1/namespaces/" + name, Map.of("payload_indexes",
                    List.of(example)));
            if (example.path("is_protected").asBoolean()) {
                // The rule: protected indexes are system-managed; users cannot create them.
                assertThat(response.status()).as(response.toString()).isEqualTo(422);
                assertThat(response.at("detail").findValuesAsText("msg").toString()).contains("system-managed");
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                assertThat(response.text("payload_indexes.0.field_name")).isEqualTo(example.path("field_name").asText());
            }
        }
    }

    // ---- renames and the API keys scoped to a namespace ------------------------------------------

    @Test
    void renameThatWouldCutOffAKeyScopedByTheOldNameIsAConflictNamingTheKey() {
        String name = newNamespace();
        String keyId = key("by name", List.of("read"), List.of(name)).text("key_id");

        HttpApi.Response response = rename(name, unique("elsewhere"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.text("error.type")).isEqualTo("ConflictError");
        assertThat(response.text("error.details.keys.0.key_id")).isEqualTo(keyId);
        assertThat(response.text("error.details.keys.0.access")).isEqualTo("would lose");
        assertThat(api().get("/v1/namespaces/" + name).status()).as("not renamed").isEqualTo(200);
    }

    @Test
    void renameThatWouldAdmitAKeyScopedToTheNewNameIsAConflict() {
        String name = newNamespace();
        String target = unique("wanted");
        String keyId = key("waiting for a name", List.of("read"), List.of(target)).text("key_id");

        HttpApi.Response response = rename(name, target);

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.text("error.details.keys.0.key_id")).isEqualTo(keyId);
        assertThat(response.text("error.details.keys.0.access")).isEqualTo("would gain");
    }

    @Test
    void renameKeepsKeysScopedByIdOrByAPatternBothNamesMatchAndIgnoresRevokedKeys() {
        String prefix = "keep" + UUID.randomUUID().toString().substring(0, 6);
        String name = prefix + "-old";
        assertThat(api().post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        String id = api().get("/v1/namespaces/" + name).text("namespace_id");
        String byId = key("by id", List.of("read"), List.of(id)).text("key");
        String byPattern = key("by pattern", List.of("read"), List.of(prefix + "-*")).text("key");
        String revoked = key("revoked", List.of("read"), List.of(name)).text("key_id");
        assertThat(api().delete("/v1/api-keys/" + revoked).status()).isEqualTo(200);

        HttpApi.Response renamed = rename(name, prefix + "-new");

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(new HttpApi(port, byId).get("/v1/namespaces/" + prefix + "-new").status()).isEqualTo(200);
        assertThat(new HttpApi(port, byPattern).get("/v1/namespaces/" + prefix + "-new").status()).isEqualTo(200);
        assertThat(new HttpApi(port, byId).inNamespace(prefix + "-new").post("/v1/buckets/list", Map.of()).status())
                .isEqualTo(200);
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static JsonNode mixpeekDocument() {
        try (InputStream in = NamespaceChangesTest.class.getResourceAsStream("/mixpeek/openapi-0.81.json")) {
            return HttpApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
