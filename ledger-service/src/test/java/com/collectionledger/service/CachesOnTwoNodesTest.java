package com.collectionledger.service;

import com.collectionledger.query.config.QuerySideSettings;
import com.collectionledger.service.security.AccessLookups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one store, as several nodes share one PostgreSQL without Axon Server. What each keeps in memory,
 * the collections its commands loaded and the API keys and namespaces its requests were checked against, never
 * hides a change made through the other: a collection's next command includes it (no lost change, no stale
 * version deciding a conditional change, no race reported that was not one), and a revoked key or a deleted
 * namespace is refused through the node that changed it at once and through the other within the lookups' time
 * to live, on a clock the test moves.
 */
class CachesOnTwoNodesTest {

    private static final String KEY = "sk_test_twonodes_0123456789abcdefghijklmnopq";
    private static final Duration LOOKUP_TTL = Duration.ofSeconds(2);
    private static final MutableClock LOOKUP_CLOCK = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() {
        // A low threshold: node B, which has not cached the collection yet, loads it from a snapshot.
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0",
                "--ledger.bootstrap-api-key=" + KEY, "--ledger.snapshot-threshold=3");
        first = start(store);
        second = start(store, SecondNode.class);
        assertThat(admin(first).post("/v1/namespaces", Map.of("namespace_name", "two-nodes", "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stopTwoNodes() {
        second.close();
        first.close();
    }

    @Test
    void aChangeMadeOnTheOtherNodeAfterThisNodeCachedTheCollectionIsPartOfItsNextCommand() {
        HttpApi a = admin(first).inNamespace("two-nodes");
        HttpApi b = admin(second).inNamespace("two-nodes");
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
    }

    @Test
    void aKeyRevokedThroughOneNodeIsRefusedThereAtOnceAndThroughTheOtherWithinTheLookupTimeToLive() {
        HttpApi.Response created = admin(first).post("/v1/api-keys", Map.of("name", "revoked", "permissions",
                List.of("read"), "namespaces", List.of("*")));
        HttpApi onA = new HttpApi(port(first), created.text("key"));
        HttpApi onB = new HttpApi(port(second), created.text("key"));
        assertThat(onA.post("/v1/namespaces/list", Map.of()).status()).isEqualTo(200);
        assertThat(onB.post("/v1/namespaces/list", Map.of()).status()).isEqualTo(200);

        assertThat(admin(first).delete("/v1/api-keys/" + created.text("key_id")).status()).isEqualTo(200);

        assertThat(onA.post("/v1/namespaces/list", Map.of()).status()).isEqualTo(401);
        assertThat(onB.post("/v1/namespaces/list", Map.of()).status())
                .as("node B goes on with what it read, for at most the time to live").isEqualTo(200);
        LOOKUP_CLOCK.advance(LOOKUP_TTL);
        assertThat(onB.post("/v1/namespaces/list", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aNamespaceDeletedThroughOneNodeIsGoneThereAtOnceAndThroughTheOtherWithinTheLookupTimeToLive() {
        assertThat(admin(first).post("/v1/namespaces", Map.of("namespace_name", "doomed", "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status())
                .isEqualTo(200);
        HttpApi onA = admin(first).inNamespace("doomed");
        HttpApi onB = admin(second).inNamespace("doomed");
        assertThat(onA.post("/v1/buckets/list", Map.of()).status()).isEqualTo(200);
        assertThat(onB.post("/v1/buckets/list", Map.of()).status()).isEqualTo(200);

        assertThat(admin(first).delete("/v1/namespaces/doomed").status()).isEqualTo(200);

        HttpApi.Response afterOnA = onA.post("/v1/buckets/list", Map.of());
        assertThat(afterOnA.status()).as(afterOnA.toString()).isEqualTo(404);
        LOOKUP_CLOCK.advance(LOOKUP_TTL);
        HttpApi.Response afterOnB = onB.post("/v1/buckets/list", Map.of());
        assertThat(afterOnB.status()).as(afterOnB.toString()).isEqualTo(404);
    }

    private static ConfigurableApplicationContext start(String[] store, Class<?>... more) {
        Class<?>[] sources = new Class<?>[more.length + 1];
        sources[0] = LedgerApplication.class;
        System.arraycopy(more, 0, sources, 1, more.length);
        return new SpringApplicationBuilder(sources)
                .initializers(context -> context.getBeanFactory().registerSingleton("accessLookups",
                        new AccessLookups(LOOKUP_TTL, LOOKUP_CLOCK)))
                .run(store);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpApi admin(ConfigurableApplicationContext context) {
        return new HttpApi(port(context), KEY);
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
