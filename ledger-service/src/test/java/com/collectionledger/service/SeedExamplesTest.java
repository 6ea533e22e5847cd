package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays the seed document's examples (fixtures/seed-examples.json on the test classpath) against
 * the running service and checks every status and every {@code expect} block; after each success,
 * a GET by the same client must already show what the write made.
 */
class SeedExamplesTest extends LedgerHttpTest {

    private final Map<String, String> ids = new HashMap<>();

    @Test
    void seedExamplesAreReproducedExactly() throws IOException {
        JsonNode seed = load();
        HttpApi admin = api();
        HttpApi.Response namespace = admin.post("/v1/namespaces", seed.get("namespace"));
        assertThat(namespace.status()).as(namespace.toString()).isEqualTo(200);
        assertThat(namespace.text("namespace_name")).isEqualTo("seed_examples");
        assertThat(namespace.text("namespace_id")).matches("ns_[a-z0-9]{10}");
        HttpApi seedApi = admin.inNamespace("seed_examples");

        for (JsonNode bucket : seed.get("buckets")) {
            HttpApi.Response response = seedApi.post("/v1/buckets", bucket);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.text("bucket_id")).matches("bkt_[a-z0-9]{10}");
            assertThat(response.at("bucket_schema")).isEqualTo(bucket.get("bucket_schema"));
            assertThat(response.at("object_count").asLong()).isZero();
            ids.put("$bucket:" + bucket.get("bucket_name").asText(), response.text("bucket_id"));
        }

        for (JsonNode example : seed.get("collections")) {
            HttpApi.Response response = seedApi.post("/v1/collections", resolve(example.get("request")));
            assertThat(response.status()).as(response.toString()).isEqualTo(example.get("status").asInt());
            String id = response.text("collection_id");
            assertThat(id).matches("col_[a-z0-9]{10}");
            ids.put("$collection:" + example.at("/request/collection_name").asText(), id);
            assertExpected(response, example.get("expect"));
            assertReadYourWrites(seedApi, id, response.body());
        }

        for (JsonNode example : seed.get("clones")) {
            String sourceId = ids.get("$collection:" + example.get("source").asText());
            HttpApi.Response response = seedApi.post("/v1/collections/" + sourceId + "/clone",
                    resolve(example.get("request")));
            assertThat(response.status()).as(example.get("about").asText() + ": " + response)
                    .isEqualTo(example.get("status").asInt());
            if (example.has("expect")) {
                assertExpected(response, example.get("expect"));
                String cloneId = response.text("collection.collection_id");
                assertThat(cloneId).matches("col_[a-z0-9]{10}").isNotEqualTo(sourceId);
                assertThat(response.text("collection.lineage.root_collection_id")).isEqualTo(sourceId);
                assertReadYourWrites(seedApi, cloneId, response.at("collection"));
            } else {
                assertThat(response.text("success")).isEqualTo("false");
                assertThat(response.text("status")).isEqualTo(example.get("status").asText());
            }
        }

        HttpApi.Response list = seedApi.post("/v1/collections/list?limit=100", Map.of());
        assertThat(list.at("total_count").asInt()).isEqualTo(5);
    }

    private void assertExpected(HttpApi.Response response, JsonNode expect) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = expect.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(response.at(field.getKey())).as(field.getKey() + " in " + response)
                    .isEqualTo(resolve(field.getValue()));
        }
    }

    private static void assertReadYourWrites(HttpApi api, String id, JsonNode written) {
        HttpApi.Response read = api.get("/v1/collections/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(written);
        assertThat(read.header("ETag")).isEqualTo("\"" + written.get("version").asLong() + "\"");
    }

    /** Replaces "$bucket:NAME" and "$collection:NAME" with the IDs the service gave. */
    private JsonNode resolve(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith("$")) {
            String id = ids.get(node.asText());
            assertThat(id).as("unresolved " + node.asText()).isNotNull();
            return TextNode.valueOf(id);
        }
        if (node.isObject()) {
            ObjectNode copy = HttpApi.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = HttpApi.JSON.createArrayNode();
            node.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return node;
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/fixtures/seed-examples.json")) {
            return HttpApi.JSON.readTree(in);
        }
    }
}
