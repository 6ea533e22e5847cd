package com.collectionledger.service;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The running service on a random port, on a real store in a temporary directory. All
 * subclasses share one context (one data directory), so each test works in a namespace of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerHttpTest {
    // The store is H2 files, or PostgreSQL with -Dledger.test.database=postgres (see TestDatabase).

    public static final String ADMIN_KEY = "sk_test_admin_0123456789abcdefghijklmnopqrstuv";
    private static final Path DATA_DIR = temporaryDirectory();
    private static final Map<String, String> STORE = TestDatabase.freshStore(DATA_DIR);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("ledger.bootstrap-api-key", () -> ADMIN_KEY);
    }

    protected HttpApi api() {
        return new HttpApi(port, ADMIN_KEY);
    }

    /** A new namespace with every built-in extractor enabled; answers its name. */
    protected String newNamespace() {
        String name = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Response response = api().post("/v1/namespaces", Map.of("namespace_name", name,
                "feature_extractors", List.of(
                        Map.of("feature_extractor_name", "text_extractor", "version", "v1"),
                        Map.of("feature_extractor_name", "image_extractor", "version", "v1"),
                        Map.of("feature_extractor_name", "multimodal_extractor", "version", "v1"),
                        Map.of("feature_extractor_name", "scene_extractor", "version", "v1"))));
        if (response.status() != 200) {
            throw new AssertionError("namespace not created: " + response);
        }
        return name;
    }

    /** A bucket {title: string, content: text} in the namespace; answers its ID. */
    protected String newArticlesBucket(HttpApi namespaced, String name) {
        HttpApi.Response response = namespaced.post("/v1/buckets", Map.of("bucket_name", name,
                "bucket_schema", Map.of("properties", Map.of(
                        "title", Map.of("type", "string"), "content", Map.of("type", "text")))));
        if (response.status() != 200) {
            throw new AssertionError("bucket not created: " + response);
        }
        return response.text("bucket_id");
    }

    /** A text collection over the bucket; answers its ID. */
    protected String newTextCollection(HttpApi namespaced, String name, String bucketId) {
        HttpApi.Response response = namespaced.post("/v1/collections", textCollection(name, bucketId));
        if (response.status() != 200) {
            throw new AssertionError("collection not created: " + response);
        }
        return response.text("collection_id");
    }

    protected static Map<String, Object> textCollection(String name, String bucketId) {
        return Map.of("collection_name", name,
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucketId)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "content"),
                        "field_passthrough", List.of(Map.of("source_path", "title"))));
    }

    /** Rebuilds the read model (admin route) and waits until it is live again. */
    protected void replayReadModel() {
        if (api().post("/v1/admin/read-model/replay", Map.of()).status() != 202) {
            throw new AssertionError("replay not started");
        }
        awaitReadModelLive();
    }

    /** Replay is an operator's background task: a client watches its progress, as here. */
    protected void awaitReadModelLive() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api().get("/v1/admin/read-model/replay").text("state").equals("live"));
    }

    /** How many events of this type the event store holds whose payload mentions {@code text}. */
    protected int storedEvents(String eventType, String text) {
        List<byte[]> payloads = jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE payload_type = ?", byte[].class,
                "com.collectionledger.api.collection." + eventType);
        return (int) payloads.stream().map(String::new).filter(p -> p.contains(text)).count();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ledger-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
