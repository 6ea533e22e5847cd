package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example for each bug that {@link WriteEndpointFuzzTest} found, as plain JUnit tests: what
 * the service answered before the fix is in each test's comment.
 */
class WriteEndpointRegressionTest extends LedgerHttpTest {

    private HttpApi api;
    private String namespace;
    private String bucket;
    private String source;

    @BeforeEach
    void namespaceWithOneCollection() {
        namespace = newNamespace();
        api = api().inNamespace(namespace);
        bucket = newArticlesBucket(api, "articles");
        source = newTextCollection(api, "source", bucket);
    }

    /** Was a 500 (List.copyOf in the command and config records threw on the null item). */
    @Test
    void nullItemsOfListsAreValidationErrorsAtTheirIndex() {
        long before = events();
        assertValidationAt(api().post("/v1/namespaces", "{\"namespace_name\": \"with-null\", \"feature_extractors\": [null]}"),
                "body", "feature_extractors", "0");
        String create = "{\"collection_name\": \"nulls\", \"source\": {\"type\": \"bucket\", \"bucket_ids\": [\"" + bucket
                + "\"]}, \"feature_extractor\": {\"feature_extractor_name\": \"text_extractor\", \"version\": \"v1\", "
                + "\"input_mappings\": {\"text\": \"content\"}}, \"taxonomy_applications\": [null]}";
        assertValidationAt(api.post("/v1/collections", create), "body", "taxonomy_applications", "0");
        assertValidationAt(api.post("/v1/collections/" + source + "/clone",
                "{\"collection_name\": \"nulls\", \"taxonomy_applications\": [null]}"), "body", "taxonomy_applications", "0");
        // Was a 422 at feature_extractor as a whole; the rules meant to point at the item.
        assertValidationAt(api.post("/v1/collections", create.replace("\"taxonomy_applications\": [null]",
                        "\"enabled\": true").replace("\"input_mappings\"", "\"field_passthrough\": [null], \"input_mappings\"")),
                "body", "feature_extractor", "field_passthrough", "0", "source_path");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * Was a 422 about a field when the syntax error was inside it or came after a value of the
     * wrong shape, and a valid body followed by garbage was accepted and stored.
     */
    @Test
    void malformedJsonAnywhereIsABadRequest() {
        long before = events();
        String valid = "{\"namespace_name\": \"" + "trailing-" + System.nanoTime()
                + "\", \"feature_extractors\": [{\"feature_extractor_name\": \"text_extractor\", \"version\": \"v1\"}]}";
        assertError(api().post("/v1/namespaces", valid + " x"), 400, "BadRequestError");
        assertError(api().post("/v1/namespaces", valid + " {}"), 400, "BadRequestError");
        assertError(api().post("/v1/namespaces", valid.substring(0, valid.length() - 20)), 400, "BadRequestError");
        assertError(api().post("/v1/namespaces", "[" + valid.substring(1)), 400, "BadRequestError");
        assertError(api.post("/v1/collections", "{\"collection_name\": 5, \"source\": {\"type\": @}}"), 400,
                "BadRequestError");
        assertError(api.patch("/v1/collections/" + source, "{\"description\": \"x\"} ]"), 400, "BadRequestError");
        assertError(api.post("/v1/collections/list", "{\"search\": \"a\"}}"), 400, "BadRequestError");
        byte[] invalidUtf8 = "{\"namespace_name\": \"bad-\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(raw("POST", "/v1/namespaces", invalidUtf8, false, null), 400, "BadRequestError");
        assertThat(events()).isEqualTo(before);
        assertThat(api().post("/v1/namespaces", valid).status()).isEqualTo(200);
    }

    /** Was Tomcat's HTML error page: these paths never reach the service's filters. */
    @Test
    void pathsTheContainerRejectsStillGetTheEnvelope() {
        for (String path : List.of("a%2Fb", "a%00b", "a%5Cb", "%FF%FE", "%ED%A0%80")) {
            assertError(raw("DELETE", "/v1/collections/" + path, null, false, null), 400, "BadRequestError");
        }
        assertThat(api.get("/v1/collections/" + source).status()).isEqualTo(200);
    }

    /** Was an empty 500 (or a 406 HTML page after the write had been stored). */
    @Test
    void anAcceptTheServiceCannotMeetStillGetsJson() {
        List<String> accepts = List.of("application/xml", "text/html", "image/png");
        for (int i = 0; i < accepts.size(); i++) {
            String accept = accepts.get(i);
            HttpApi picky = api.with("Accept", accept);
            HttpApi.Response created = picky.post("/v1/collections", textCollection("accept-" + i, bucket));
            assertThat(created.status()).as(accept + ": " + created).isEqualTo(200);
            assertThat(created.header("Content-Type")).startsWith("application/json");
            assertError(picky.post("/v1/collections", Map.of("collection_name", 42)), 422, "ValidationError");
        }
    }

    /** Was a 400 "not valid JSON": the converter wrapped the cut-off stream's error. */
    @Test
    void aChunkedBodyOverTheLimitIsTooLarge() {
        long before = events();
        String big = "{\"collection_name\": \"big\", \"description\": \"" + "x".repeat(300 * 1024) + "\"}";
        assertError(raw("POST", "/v1/collections/" + source + "/clone", big.getBytes(StandardCharsets.UTF_8), true,
                namespace), 413, "PayloadTooLargeError");
        assertThat(events()).isEqualTo(before);
    }

    /**
     * Was stored: the read model row and the history nest a few levels deeper than the body, past
     * what they can be read with, and from then on every list of the namespace was a 500.
     */
    @Test
    void deeplyNestedBodiesAreBadRequestsAndWhatIsStoredReadsBack() {
        long before = events();
        assertError(api.patch("/v1/collections/" + source, "{\"metadata\": " + nestedObject(990) + "}"), 400,
                "BadRequestError");
        assertError(api.post("/v1/collections/list", "{\"filters\": " + nestedObject(200) + "}"), 400, "BadRequestError");
        assertThat(events()).isEqualTo(before);

        HttpApi.Response patched = api.patch("/v1/collections/" + source, "{\"metadata\": " + nestedObject(100) + "}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(api.post("/v1/collections/list", Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/v1/collections/" + source + "/history").status()).isEqualTo(200);
    }

    /** Was a 500: "features" paths were taken for the extractor catalog and left without a namespace. */
    @Test
    void aCollectionIdentifierCalledFeaturesIsJustNotFound() {
        assertError(api.post("/v1/collections/features/clone", Map.of("collection_name", "copy")), 404, "NotFoundError");
        assertError(api.get("/v1/collections/features/history"), 404, "NotFoundError");
        assertError(api.delete("/v1/collections/features"), 404, "NotFoundError");
        assertThat(api.inNamespace(null).get("/v1/collections/features/extractors").status()).isEqualTo(200);
    }

    /**
     * Was accepted: on PostgreSQL the read model cannot store U+0000, so the event was stored, the
     * write answered stale or 404, and the read-model processor retried that event forever. Searching
     * for it was a 500 there.
     */
    @Test
    void nulCharactersInTextAreValidationErrors() {
        long before = events();
        assertValidationAt(api.patch("/v1/collections/" + source, Map.of("description", "a\u0000b")), "body", "description");
        assertValidationAt(api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "nul-clone",
                "description", "\u0000")), "body", "description");
        assertValidationAt(api.post("/v1/buckets", Map.of("bucket_name", "nul-bucket", "description", "x\u0000",
                "bucket_schema", Map.of("properties", Map.of("a", Map.of("type", "string"))))), "body", "description");
        assertThat(events()).isEqualTo(before);
        assertValidationAt(api.post("/v1/collections/list", Map.of("search", "so\u0000")), "body", "search");
        assertValidationAt(api.post("/v1/collections/list", Map.of("filters", Map.of("collection_name", "\u0000"))),
                "body", "filters", "collection_name");
        assertThat(api.patch("/v1/collections/" + source, Map.of("description", "tabs\tand\nnewlines")).status())
                .isEqualTo(200);
    }

    /** Was a 500 on PostgreSQL, which cannot compare text holding U+0000 (the directory lookup of the source). */
    @Test
    void nulCharactersInSourceIdentifiersAreUnknownSources() {
        long before = events();
        Map<String, Object> overBucket = new LinkedHashMap<>(textCollection("nul-source", bucket));
        overBucket.put("source", Map.of("type", "bucket", "bucket_ids", List.of("bkt_\u0000")));
        assertValidationAt(api.post("/v1/collections", overBucket), "body", "source", "bucket_ids", "0");
        assertValidationAt(api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "nul-clone",
                "source", Map.of("type", "collection", "collection_id", "col_\u0000"))), "body", "source",
                "collection_id");
        assertThat(events()).isEqualTo(before);
    }

    /** Was a next_cursor (and next_page) past the end, whose offset had overflowed and was then refused. */
    @Test
    void noNextPageIsOfferedPastTheEnd() {
        HttpApi.Response page = api.post("/v1/collections/list?offset=2147483647", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("pagination.next_cursor").isNull()).as(page.toString()).isTrue();
        assertThat(page.at("pagination.next_page").isNull()).as(page.toString()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static String nestedObject(int depth) {
        return "{\"a\": ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** A request HttpApi cannot make: raw bytes, a chunked body, a path as is. The body is read as JSON if it is. */
    private HttpApi.Response raw(String method, String path, byte[] body, boolean chunked, String namespaceHeader) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            if (chunked) {
                publisher = HttpRequest.BodyPublishers.fromPublisher(publisher);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, publisher).header("Authorization", "Bearer " + ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .header("X-Namespace", namespaceHeader == null ? namespace : namespaceHeader);
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = HttpApi.JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = HttpApi.JSON.getNodeFactory().textNode(response.body());
            }
            return new HttpApi.Response(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertValidationAt(HttpApi.Response response, String... location) {
        assertError(response, 422, "ValidationError");
        assertThat(HttpApi.JSON.convertValue(response.at("detail.0.loc"), List.class)).as(response.toString())
                .isEqualTo(List.of(location));
        assertThat(HttpApi.JSON.convertValue(response.at("error.details.validation_errors.0.location"), List.class))
                .isEqualTo(List.of(location));
    }

    private static void assertError(HttpApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.body().isObject()).as("a JSON envelope: " + response).isTrue();
        assertThat(response.at("success").asBoolean(true)).isFalse();
        assertThat(response.at("status").asInt()).isEqualTo(status);
        assertThat(response.text("error.type")).isEqualTo(type);
        assertThat(response.text("error.message")).isNotBlank();
        assertThat(response.at("error.details").isObject()).isTrue();
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
