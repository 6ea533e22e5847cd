package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionCloned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events the read model had not projected when the service stopped are projected after it starts
 * again, by itself, and writes made while it catches up still read their own writes. The backlog is
 * made on purpose: the first run's read model fails every clone event, so none of them is projected.
 */
class CatchUpAfterRestartTest {

    private static final String KEY = "sk_test_catchup_0123456789abcdefghijklmnopqr";
    private static final int BACKLOG = 40;

    @TempDir
    Path dataDir;

    @Test
    void readModelCatchesUpAfterARestartAndNewWritesReadTheirOwnWrites() throws Exception {
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0", "--ledger.bootstrap-api-key=" + KEY);
        List<String> backlog = new ArrayList<>();
        String source;
        try (ConfigurableApplicationContext first = start(store, "--ledger.read-your-writes-timeout=50ms")) {
            HttpApi api = namespaced(first);
            source = api.post("/v1/collections", LedgerHttpTest.textCollection("source", bucket(api)))
                    .text("collection_id");
            first.getBean(StalledReadModel.class).stalled = true;
            for (int i = 0; i < BACKLOG; i++) {
                HttpApi.Response clone = api.post("/v1/collections/" + source + "/clone",
                        Map.of("collection_name", "backlog-" + i));
                assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
                assertThat(clone.header("X-Read-Model-Status")).isEqualTo("behind");
                backlog.add(clone.text("collection.collection_id"));
            }
        }
        assertThat(unreleasedSegments(store)).as("a stopped processor releases every segment it owned").isZero();

        try (ConfigurableApplicationContext second = start(store)) {
            HttpApi api = namespaced(second);
            HttpApi.Response progress = api.get("/v1/admin/read-model/replay");
            long behindAtStart = progress.at("head").asLong() - progress.at("position").asLong();
            for (int i = 0; i < 5; i++) {
                HttpApi.Response clone = api.post("/v1/collections/" + source + "/clone",
                        Map.of("collection_name", "during-catch-up-" + i));
                assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
                assertThat(clone.header("X-Read-Model-Status")).isEqualTo("current");
                assertThat(api.get("/v1/collections/during-catch-up-" + i).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> backlog.stream().allMatch(id -> api.get("/v1/collections/" + id).status() == 200));
            assertThat(api.post("/v1/collections/list?limit=1", Map.of()).at("total_count").asInt())
                    .isEqualTo(1 + BACKLOG + 5);
            System.out.printf("catch-up: %d events behind when the first new write was sent%n", behindAtStart);
        }
    }

    private static ConfigurableApplicationContext start(String[] store, String... more) {
        List<String> arguments = new ArrayList<>(List.of(store));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class, StalledReadModelConfiguration.class)
                .run(arguments.toArray(String[]::new));
    }

    private static HttpApi namespaced(ConfigurableApplicationContext context) {
        HttpApi admin = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
        if (admin.get("/v1/namespaces/catch-up").status() == 404) {
            assertThat(admin.post("/v1/namespaces", Map.of("namespace_name", "catch-up", "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        }
        return admin.inNamespace("catch-up");
    }

    private static String bucket(HttpApi api) {
        return api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema", Map.of("properties",
                Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"))))).text("bucket_id");
    }

    /** Token rows of the read model's processor that still name an owner. */
    private int unreleasedSegments(String[] store) throws SQLException {
        try (Connection connection = TestDatabase.connect(store, dataDir);
             ResultSet owned = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM token_entry WHERE processor_name = 'read-model' AND owner IS NOT NULL")) {
            owned.next();
            return owned.getInt(1);
        }
    }

    /** Not scanned: only these contexts get it. */
    static class StalledReadModelConfiguration {
        @Bean
        StalledReadModel stalledReadModel() {
            return new StalledReadModel();
        }
    }

    /** A read-model handler that, once stalled, fails every clone event: the processor retries, projecting none. */
    @ProcessingGroup("read-model")
    static class StalledReadModel {

        volatile boolean stalled;

        @EventHandler
        void on(CollectionCloned event) {
            if (stalled) {
                throw new IllegalStateException("read model stalled by the test");
            }
        }
    }
}
