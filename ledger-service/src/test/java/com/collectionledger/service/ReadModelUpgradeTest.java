package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model written before V8 has no list values (view_field_value), and its documents hold the
 * source_lineage of revision 1; V10 empties it and drops the read model's tokens. The next start
 * rebuilds all of it from the event store, and the list filters find what was written before.
 */
class ReadModelUpgradeTest {

    private static final String KEY = "sk_test_upgrade_0123456789abcdefghijklmnopqrs";
    private static final String REBUILD_MIGRATION = classpathText("db/migration/common/V10__rebuild_read_model.sql");

    @TempDir
    Path dataDir;

    @Test
    void aReadModelWithoutListValuesIsRebuiltOnTheNextStart() throws SQLException {
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0", "--ledger.bootstrap-api-key=" + KEY);
        String bucketId;
        try (ConfigurableApplicationContext before = start(store)) {
            HttpApi admin = api(before);
            assertThat(admin.post("/v1/namespaces", Map.of("namespace_name", "upgraded", "description", "kept",
                    "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))))
                    .status()).isEqualTo(200);
            HttpApi api = admin.inNamespace("upgraded");
            bucketId = api.post("/v1/buckets", Map.of("bucket_name", "articles", "metadata", Map.of("team", "search"),
                    "bucket_schema", Map.of("properties", Map.of("title", Map.of("type", "string"),
                            "content", Map.of("type", "text"))))).text("bucket_id");
            Map<String, Object> collection = new LinkedHashMap<>(
                    LedgerHttpTest.textCollection("articles-text", bucketId));
            collection.put("taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_genres")));
            assertThat(api.post("/v1/collections", collection).status()).isEqualTo(200);
        }

        try (Connection connection = TestDatabase.connect(store, dataDir); Statement sql = connection.createStatement()) {
            // As a read model written before V8 looks: no list values.
            sql.executeUpdate("DELETE FROM view_field_value");
            // What the migration does on the first start of this version.
            for (String statement : REBUILD_MIGRATION.split(";")) {
                if (!statement.strip().replaceAll("(?m)^--.*$", "").isBlank()) {
                    sql.executeUpdate(statement);
                }
            }
        }

        try (ConfigurableApplicationContext after = start(store)) {
            HttpApi api = api(after).inNamespace("upgraded");
            Map<String, Object> byBucketAndTaxonomy = Map.of("filters", Map.of("source.bucket_ids", bucketId,
                    "taxonomy_applications.taxonomy_id", "tax_genres"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    api.post("/v1/collections/list", byBucketAndTaxonomy).at("total_count").asInt() == 1);
            assertThat(api.post("/v1/buckets/list", Map.of("filters", Map.of("metadata.team", "search")))
                    .at("total_count").asInt()).isEqualTo(1);
            HttpApi.Response namespaces = api(after).post("/v1/namespaces/list", Map.of("filters", Map.of(
                    "feature_extractors.feature_extractor_id", "text_extractor_v1", "description", "kept")));
            assertThat(namespaces.at("results").findValuesAsText("namespace_name")).containsExactly("upgraded");
        }
    }

    private static ConfigurableApplicationContext start(String[] store) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(store);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
    }

    private static String classpathText(String resource) {
        try (InputStream in = ReadModelUpgradeTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
