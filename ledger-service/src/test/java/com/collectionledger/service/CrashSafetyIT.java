package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service on PostgreSQL, killed with SIGKILL in the middle of concurrent clones and
 * started again: every clone a client got a 201 for is in the event store and the read model,
 * nothing is there twice, and the read model equals a fresh replay.
 */
class CrashSafetyIT {

    private static final String KEY = "sk_test_crash_0123456789abcdefghijklmnopqrstuv";
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 80;

    @TempDir
    Path workDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopServices() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void acknowledgedClonesSurviveASigkillAndNothingIsDuplicated() throws Exception {
        Map<String, String> store = TestDatabase.freshPostgresDatabase();
        HttpApi first = start(store, "first");
        HttpApi admin = first;
        assertThat(admin.post("/v1/namespaces", Map.of("namespace_name", "crash", "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        HttpApi api = first.inNamespace("crash");
        String bucket = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema", Map.of("properties",
                Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"))))).text("bucket_id");
        String source = api.post("/v1/collections", LedgerHttpTest.textCollection("crash-source", bucket))
                .text("collection_id");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            clients.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String name = "clone-" + c + "-" + i;
                    try {
                        if (api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", name))
                                .status() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        processes.get(0).destroyForcibly().waitFor(); // SIGKILL, mid-load
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        HttpApi second = start(store, "second").inNamespace("crash");
        awaitCaughtUp(second);

        Map<String, Integer> clonedNames = clonedNamesInTheEventStore(store);
        assertThat(clonedNames.keySet()).containsAll(acknowledged);
        assertThat(clonedNames.values()).as("no clone stored twice").allMatch(count -> count == 1);
        for (String name : acknowledged) {
            assertThat(second.get("/v1/collections/" + name).status()).as(name).isEqualTo(200);
        }
        assertThat(second.post("/v1/collections/list?limit=1000", Map.of()).at("total_count").asInt())
                .as("the read model holds exactly the stored collections").isEqualTo(clonedNames.size() + 1);

        String checksum = second.get("/v1/admin/read-model/checksum").text("checksum");
        assertThat(second.post("/v1/admin/read-model/replay", Map.of()).status()).isEqualTo(202);
        awaitCaughtUp(second);
        assertThat(second.get("/v1/admin/read-model/checksum").text("checksum"))
                .as("the read model after the crash equals a fresh replay").isEqualTo(checksum);
    }

    private HttpApi start(Map<String, String> store, String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("ledger.jar", "target/ledger-service.jar"),
                "--server.port=" + port, "--ledger.bootstrap-api-key=" + KEY,
                "--ledger.data-dir=" + workDir.resolve("data")));
        store.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        HttpApi api = new HttpApi(port, KEY);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("service exited:\n" + Files.readString(log));
                    }
                    return api.get("/actuator/health").status() == 200;
                });
        return api;
    }

    /** After a restart the processor resumes from its tokens; wait until it has reached the head. */
    private static void awaitCaughtUp(HttpApi api) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status = api.get("/v1/admin/read-model/replay").body();
            return status.path("state").asText().equals("live")
                    && status.path("position").asLong() >= status.path("head").asLong();
        });
    }

    private static Map<String, Integer> clonedNamesInTheEventStore(Map<String, String> store) throws SQLException {
        Map<String, Integer> names = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(store.get("spring.datasource.url"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payload FROM domain_event_entry WHERE payload_type = "
                     + "'com.collectionledger.api.collection.CollectionCloned'")) {
            while (rows.next()) {
                String name = HttpApi.JSON.readTree(rows.getBytes(1)).get("collectionName").asText();
                names.merge(name, 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
