package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database drops off the network under a running node: writes, reads and the filters' own lookups
 * answer 503 ServiceUnavailableError with Retry-After (never a 500), readiness says the database is down,
 * and once it is back the node serves again by itself.
 */
class DatabaseOutageTest {

    private static final String KEY = "sk_test_outage_0123456789abcdefghijklmnopqrstu";

    @TempDir
    Path dataDir;

    @Test
    void aNodeWhoseDatabaseIsUnreachableAnswers503WithRetryAfterAndRecovers() {
        assumeTrue(TestDatabase.POSTGRES, "a PostgreSQL server behind a relay the test can cut");
        Map<String, String> database = TestDatabase.freshPostgresDatabase();
        URI direct = URI.create(database.get("spring.datasource.url").substring("jdbc:".length()));
        try (CuttableProxy network = new CuttableProxy(direct.getPort());
             ConfigurableApplicationContext node = new SpringApplicationBuilder(LedgerApplication.class).run(
                     "--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.bootstrap-api-key=" + KEY,
                     "--ledger.retry-after=3s",
                     "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + network.port() + direct.getPath(),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     // Waiting for a connection that cannot come is bounded by this.
                     "--spring.datasource.hikari.connection-timeout=1000")) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpApi admin = new HttpApi(port, KEY);
            HttpApi api = admin.inNamespace("outage");
            assertThat(admin.post("/v1/namespaces", Map.of("namespace_name", "outage", "feature_extractors",
                    java.util.List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))))
                    .status()).isEqualTo(200);
            assertThat(admin.get("/actuator/health/readiness").status()).isEqualTo(200);

            network.cut();

            HttpApi.Response write = api.post("/v1/buckets", Map.of("bucket_name", "during-outage",
                    "bucket_schema", Map.of("properties", Map.of("title", Map.of("type", "string")))));
            HttpApi.Response read = api.get("/v1/collections/anything");
            HttpApi.Response readiness = admin.get("/actuator/health/readiness");

            for (HttpApi.Response response : java.util.List.of(write, read)) {
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("3");
                assertThat(response.at("success").asBoolean()).isFalse();
                assertThat(response.at("status").asInt()).isEqualTo(503);
                assertThat(response.text("error.type")).isEqualTo("ServiceUnavailableError");
                assertThat(response.at("error.details").isObject()).isTrue();
            }
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.text("components.db.status")).isEqualTo("DOWN");

            network.restore();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    api.post("/v1/buckets", Map.of("bucket_name", "after-outage", "bucket_schema",
                            Map.of("properties", Map.of("title", Map.of("type", "string"))))).status() == 200);
            assertThat(admin.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }
}
