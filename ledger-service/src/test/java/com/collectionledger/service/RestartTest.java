package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop the service and start it again on the same data directory: everything is still there. */
class RestartTest {

    private static final String KEY = "sk_test_restart_0123456789abcdefghijklmnopqrs";

    @TempDir
    Path dataDir;

    @Test
    void everythingSurvivesARestart() {
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0", "--ledger.bootstrap-api-key=" + KEY);
        String namespaceName = "restart";
        String sourceId;
        String cloneId;
        String sourceBefore;
        String cloneBefore;
        try (ConfigurableApplicationContext first = start(store)) {
            HttpApi api = api(first).inNamespace(namespaceName);
            assertThat(api(first).post("/v1/namespaces", Map.of("namespace_name", namespaceName,
                    "feature_extractors", java.util.List.of(Map.of("feature_extractor_name", "text_extractor",
                            "version", "v1")))).status()).isEqualTo(200);
            HttpApi.Response bucket = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                    Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
            HttpApi.Response source = api.post("/v1/collections", LedgerHttpTest.textCollection("articles-text",
                    bucket.text("bucket_id")));
            sourceId = source.text("collection_id");
            assertThat(api.patch("/v1/collections/" + sourceId, Map.of("description", "patched")).status()).isEqualTo(200);
            HttpApi.Response clone = api.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", "articles-copy"));
            cloneId = clone.text("collection.collection_id");
            sourceBefore = api.get("/v1/collections/" + sourceId).body().toString();
            cloneBefore = api.get("/v1/collections/" + cloneId).body().toString();
        }

        try (ConfigurableApplicationContext second = start(store)) {
            HttpApi api = api(second).inNamespace(namespaceName);
            assertThat(api.get("/v1/collections/" + sourceId).body().toString()).isEqualTo(sourceBefore);
            assertThat(api.get("/v1/collections/" + cloneId).body().toString()).isEqualTo(cloneBefore);
            assertThat(api.get("/v1/collections/" + cloneId).text("lineage.cloned_from.collection_id")).isEqualTo(sourceId);
            assertThat(api.get("/v1/buckets/articles").status()).isEqualTo(200);
            assertThat(api(second).get("/v1/namespaces/" + namespaceName).status()).isEqualTo(200);
            // The aggregates load from the stored events: the source is at version 1, the name rules still hold.
            assertThat(api.post("/v1/collections/" + cloneId + "/clone", Map.of("collection_name", "articles-copy"))
                    .status()).isEqualTo(409);
            HttpApi.Response second2 = api.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", "after-restart"));
            assertThat(second2.status()).isEqualTo(201);
            assertThat(second2.at("collection.lineage.cloned_from.source_version").asLong()).isEqualTo(1);
            assertThat(second2.text("collection.description")).isEqualTo("patched");
        }
    }

    private static ConfigurableApplicationContext start(String[] store) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(store);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpApi(port, KEY);
    }
}
