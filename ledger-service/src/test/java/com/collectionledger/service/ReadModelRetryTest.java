package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read-model handler that fails is retried, not skipped: a handler in the read model's group
 * fails the first time it sees one event; the write still becomes visible, and the handler ends
 * up having handled it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ReadModelRetryTest.FlakyHandlerConfiguration.class)
// A context no other class can share (its own store and beans): closed after the class, so that its processor
// does not go on polling its store while the rest of the suite runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadModelRetryTest {

    static final String POISON = "fails-once";

    private static final Map<String, String> STORE = TestDatabase.freshStoreInTemporaryDirectory("ledger-retry-test");

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        // A data directory of its own: another context on the shared one would compete for the segments.
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("ledger.bootstrap-api-key", () -> LedgerHttpTest.ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    FlakyHandler flaky;

    @Test
    void failingProjectionHandlerIsRetriedUntilItSucceeds() {
        HttpApi admin = new HttpApi(port, LedgerHttpTest.ADMIN_KEY);
        assertThat(admin.post("/v1/namespaces", Map.of("namespace_name", "retry", "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        HttpApi api = admin.inNamespace("retry");
        String bucket = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema", Map.of("properties",
                Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"))))).text("bucket_id");

        HttpApi.Response created = api.post("/v1/collections", LedgerHttpTest.textCollection(POISON, bucket));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        // The retry may come after the read-your-writes timeout (the write then answers "behind"): wait for it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/v1/collections/" + POISON).status() == 200);
        assertThat(flaky.attempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(flaky.handled).contains(created.text("collection_id"));
    }

    @TestConfiguration
    static class FlakyHandlerConfiguration {
        @Bean
        FlakyHandler flakyHandler() {
            return new FlakyHandler();
        }
    }

    @ProcessingGroup("read-model")
    static class FlakyHandler {
        final AtomicInteger attempts = new AtomicInteger();
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(CollectionCreated event) {
            if (!event.collectionName().equals(POISON)) {
                return;
            }
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("simulated projection failure");
            }
            handled.add(event.collectionId());
        }
    }
}
