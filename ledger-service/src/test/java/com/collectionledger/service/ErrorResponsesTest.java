package com.collectionledger.service;

import com.collectionledger.service.security.ApiKeyStore;
import com.collectionledger.service.security.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error type (BadRequestError ... InternalServerError), in the envelope, and a bad request changes nothing. */
class ErrorResponsesTest extends LedgerHttpTest {

    @Autowired
    ApiKeyStore keys;

    private HttpApi api;
    private String bucket;
    private String source;

    @BeforeEach
    void namespaceWithOneCollection() {
        api = api().inNamespace(newNamespace());
        bucket = newArticlesBucket(api, "articles");
        source = newTextCollection(api, "source", bucket);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(api.post("/v1/collections", "{\"collection_name\": "), 400, "BadRequestError");
        assertError(api.post("/v1/collections/" + source + "/clone", "not json"), 400, "BadRequestError");
        assertNothingStored();
    }

    @Test
    void missingNamespaceHeaderIsABadRequest() {
        assertError(api.inNamespace(null).get("/v1/collections/" + source), 400, "BadRequestError");
    }

    @Test
    void missingUnknownAndMalformedKeysAreUnauthenticated() {
        assertError(api.with("Authorization", null).get("/v1/collections/" + source), 401, "AuthenticationError");
        assertError(api.with("Authorization", "Bearer sk_not_a_key_0123456789abcdefghijklmnop")
                .get("/v1/collections/" + source), 401, "AuthenticationError");
        assertError(api.with("Authorization", "Basic abc").post("/v1/namespaces", Map.of()), 401, "AuthenticationError");
    }

    @Test
    void namespaceTheKeyMayNotUseIsForbidden() {
        String secret = "sk_test_other_0123456789abcdefghijklmnopqrstu" + System.nanoTime();
        keys.store("other-team", secret, Set.of(Permission.READ, Permission.WRITE), List.of("some_other_namespace"), null);
        HttpApi other = new HttpApi(port, secret).inNamespace(api.get("/v1/collections/" + source).text("namespace_id"));
        assertError(other.get("/v1/collections/" + source), 403, "PermissionDeniedError");
    }

    @Test
    void unknownThingsAndOtherNamespacesAreNotFound() {
        assertError(api.get("/v1/collections/col_doesnotexist"), 404, "NotFoundError");
        assertError(api.inNamespace("no-such-namespace").get("/v1/collections/" + source), 404, "NotFoundError");
        HttpApi elsewhere = api().inNamespace(newNamespace());
        assertError(elsewhere.get("/v1/collections/" + source), 404, "NotFoundError");
        assertError(elsewhere.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "stolen")),
                404, "NotFoundError");
        assertError(elsewhere.patch("/v1/collections/" + source, Map.of("description", "x")), 404, "NotFoundError");
        assertError(elsewhere.delete("/v1/collections/" + source), 404, "NotFoundError");
        assertError(api.get("/v1/buckets/bkt_doesnotexist"), 404, "NotFoundError");
        assertError(api.get("/v1/collections/features/extractors/nope_v9"), 404, "NotFoundError");
    }

    @Test
    void duplicateNamesAlreadyExist() {
        assertError(api.post("/v1/collections", textCollection("source", bucket)), 409, "AlreadyExistsError");
        newTextCollection(api, "second", bucket);
        assertError(api.patch("/v1/collections/second", Map.of("collection_name", "source")), 409,
                "AlreadyExistsError");
        assertError(api.post("/v1/buckets", Map.of("bucket_name", "articles",
                "bucket_schema", Map.of("properties", Map.of("a", Map.of("type", "string"))))), 409, "AlreadyExistsError");
    }

    @Test
    void deletingASourceOfLiveCollectionsIsAConflictNamingThem() {
        HttpApi.Response dependent = api.post("/v1/collections", Map.of("collection_name", "scenes",
                "source", Map.of("type", "collection", "collection_id", source),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "text_extractor_v1_embedding"))));
        assertThat(dependent.status()).as(dependent.toString()).isEqualTo(200);

        HttpApi.Response conflict = api.delete("/v1/collections/" + source);
        assertError(conflict, 409, "ConflictError");
        assertThat(conflict.text("error.message")).contains("scenes");
        assertThat(conflict.at("error.details.dependents.0.collection_name").asText()).isEqualTo("scenes");
        assertThat(api.get("/v1/collections/" + source).status()).isEqualTo(200);

        assertThat(api.delete("/v1/collections/scenes").status()).isEqualTo(200);
        assertThat(api.delete("/v1/collections/" + source).status()).isEqualTo(200);
        assertError(api.get("/v1/collections/" + source), 404, "NotFoundError");
    }

    @Test
    void staleIfMatchIsAFailedPrecondition() {
        HttpApi.Response current = api.get("/v1/collections/" + source);
        String etag = current.header("ETag");
        assertThat(api.with("If-Match", etag).patch("/v1/collections/" + source, Map.of("description", "one"))
                .status()).isEqualTo(200);
        assertError(api.with("If-Match", etag).patch("/v1/collections/" + source, Map.of("description", "two")),
                412, "PreconditionFailedError");
        assertError(api.with("If-Match", etag).delete("/v1/collections/" + source), 412, "PreconditionFailedError");
        assertThat(api.get("/v1/collections/" + source).text("description")).isEqualTo("one");
    }

    @Test
    void oversizedBodyIsTooLarge() {
        String big = "{\"collection_name\": \"big\", \"description\": \"" + "x".repeat(300 * 1024) + "\"}";
        assertError(api.post("/v1/collections", big), 413, "PayloadTooLargeError");
        assertNothingStored();
    }

    @Test
    void brokenRuleIsAValidationErrorInBothShapes() {
        HttpApi.Response response = api.post("/v1/collections/" + source + "/clone", Map.of(
                "collection_name", "mapped-wrong",
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "transcript"))));
        assertError(response, 422, "ValidationError");
        List<String> location = List.of("body", "feature_extractor", "input_mappings", "text");
        JsonNode mixpeek = response.at("error.details.validation_errors.0");
        assertThat(HttpApi.JSON.convertValue(mixpeek.get("location"), List.class)).isEqualTo(location);
        assertThat(mixpeek.get("message").asText()).contains("transcript");
        assertThat(mixpeek.get("type").asText()).isNotBlank();
        JsonNode fastApi = response.at("detail.0");
        assertThat(HttpApi.JSON.convertValue(fastApi.get("loc"), List.class)).isEqualTo(location);
        assertThat(fastApi.get("msg").asText()).isEqualTo(mixpeek.get("message").asText());
        assertThat(fastApi.get("type").asText()).isEqualTo(mixpeek.get("type").asText());
        assertNothingStored();
    }

    @Test
    void wrongJsonTypeIsAValidationErrorAtItsPath() {
        HttpApi.Response response = api.post("/v1/collections", Map.of("collection_name", 42,
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket))));
        assertError(response, 422, "ValidationError");
        assertThat(response.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"collection_name\"]");
        HttpApi.Response enabled = api.patch("/v1/collections/" + source, Map.of("enabled", "yes"));
        assertError(enabled, 422, "ValidationError");
        assertThat(enabled.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"enabled\"]");
        assertNothingStored();
    }

    @Test
    void patchOfAFieldOnlyACloneMayChangeSaysToClone() {
        for (String field : List.of("source", "feature_extractor", "input_schema", "collection_id", "lineage",
                "version", "created_at")) {
            HttpApi.Response response = api.patch("/v1/collections/" + source, Map.of(field, Map.of()));
            assertError(response, 422, "ValidationError");
            assertThat(response.text("error.message")).contains("clone");
            assertThat(response.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"" + field + "\"]");
        }
        assertThat(api.get("/v1/collections/" + source).at("version").asLong()).isZero();
    }

    @Test
    void errorsCarryTheRequestIdAndNoStackTrace() {
        HttpApi.Response response = api.with("X-Request-ID", "trace-me-42").get("/v1/collections/col_missing0000");
        assertThat(response.header("X-Request-ID")).isEqualTo("trace-me-42");
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(api.with("X-Request-ID", "bad id with spaces and more than sane <>").get("/v1/collections/" + source)
                .header("X-Request-ID")).startsWith("req_");
    }

    private void assertNothingStored() {
        HttpApi.Response list = api.post("/v1/collections/list", Map.of());
        assertThat(list.at("total_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/collections/" + source).at("version").asLong()).isZero();
    }

    private static void assertError(HttpApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.at("success").asBoolean(true)).isFalse();
        assertThat(response.at("status").asInt()).isEqualTo(status);
        assertThat(response.text("error.type")).isEqualTo(type);
        assertThat(response.text("error.message")).isNotBlank();
        assertThat(response.at("error.details").isObject()).isTrue();
    }
}
