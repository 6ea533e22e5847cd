package com.collectionledger.service;

import com.collectionledger.query.config.QuerySideSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one store, as several nodes share one PostgreSQL without Axon Server: each keeps the collections
 * its commands loaded in its aggregate cache, and what the other node changed meanwhile is part of its next
 * command. No change is lost, no stale version decides a conditional change, no race is reported that was not one.
 */
class AggregateCacheOnTwoNodesTest {

    private static final String KEY = "sk_test_twonodes_0123456789abcdefghijklmnopq";

    @TempDir
    Path dataDir;

    @Test
    void aChangeMadeOnTheOtherNodeAfterThisNodeCachedTheCollectionIsPartOfItsNextCommand() {
        // A low threshold: node B, which has not cached the collection yet, loads it from a snapshot.
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0",
                "--ledger.bootstrap-api-key=" + KEY, "--ledger.snapshot-threshold=3");
        try (ConfigurableApplicationContext first = start(store);
             ConfigurableApplicationContext second = start(store, SecondNode.class)) {
            assertThat(api(first).post("/v1/namespaces", Map.of("namespace_name", "two-nodes", "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status())
                    .isEqualTo(200);
            HttpApi a = api(first).inNamespace("two-nodes");
            HttpApi b = api(second).inNamespace("two-nodes");
            String bucket = a.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                    Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))))
                    .text("bucket_id");
            String id = a.post("/v1/collections", LedgerHttpTest.textCollection("articles-text", bucket))
                    .text("collection_id");
            for (int i = 1; i <= 3; i++) {
                assertThat(a.patch("/v1/collections/" + id, Map.of("description", "on A " + i)).status()).isEqualTo(200);
            }

            HttpApi.Response onB = b.with("If-Match", "\"3\"").patch("/v1/collections/" + id,
                    Map.of("description", "on B"));
            assertThat(onB.status()).as(onB.toString()).isEqualTo(200);
            assertThat(onB.at("version").asLong()).isEqualTo(4);

            // Node A cached the collection at version 3; its next commands see version 4.
            HttpApi.Response clone = a.post("/v1/collections/" + id + "/clone", Map.of("collection_name", "copy"));
            assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
            assertThat(clone.text("collection.description")).isEqualTo("on B");
            assertThat(clone.at("collection.lineage.cloned_from.source_version").asLong()).isEqualTo(4);
            HttpApi.Response stale = a.with("If-Match", "\"3\"").patch("/v1/collections/" + id,
                    Map.of("description", "stale"));
            assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
            HttpApi.Response onA = a.with("If-Match", "\"4\"").patch("/v1/collections/" + id,
                    Map.of("description", "on A after B"));
            assertThat(onA.status()).as(onA.toString()).isEqualTo(200);
            assertThat(onA.at("version").asLong()).isEqualTo(5);

            // Deleted on B: gone for A's next command too.
            assertThat(b.delete("/v1/collections/" + id).status()).isEqualTo(200);
            HttpApi.Response afterDeletion = a.patch("/v1/collections/" + id, Map.of("description", "too late"));
            assertThat(afterDeletion.status()).as(afterDeletion.toString()).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(String[] store, Class<?>... more) {
        Class<?>[] sources = new Class<?>[more.length + 1];
        sources[0] = LedgerApplication.class;
        System.arraycopy(more, 0, sources, 1, more.length);
        return new SpringApplicationBuilder(sources).run(store);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
    }

    /** Not scanned: the second node in this JVM claims read-model segments under a name of its own. */
    static class SecondNode {
        @Bean
        @Primary
        QuerySideSettings secondNodeSettings(@Qualifier("querySideSettings") QuerySideSettings node) {
            return new QuerySideSettings(node.readModelBatchSize(), node.readModelSegments(),
                    node.readModelMaxClaimedSegments(), node.readModelClaimTimeout(), node.readModelReplayDeadline(),
                    node.nodeId() + "-second");
        }
    }
}
