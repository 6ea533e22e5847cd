package com.collectionledger.service;

import com.collectionledger.command.collection.Collection;
import com.collectionledger.service.config.EmbeddedDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Benchmarks on PostgreSQL 17, each reported as a ratio to a raw JDBC baseline measured in the same
 * run on the same server (machines here are noisy; absolute numbers are not comparable across runs).
 * Not part of the test suite: run it with the command in BENCHMARKS.md. Prints a Markdown table and
 * writes it to target/benchmarks.md.
 */
class LedgerBenchmark {

    private static final String KEY = "sk_bench_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int REPLAY_EVENTS = Integer.getInteger("bench.replay-events", 30_000);
    private static final int CLONES_PER_CLIENT = Integer.getInteger("bench.clones-per-client", 150);
    private static final int RAW_COMMITS_PER_CLIENT = Integer.getInteger("bench.raw-commits-per-client", 1_500);
    private static final int LATENCY_WRITES = Integer.getInteger("bench.latency-writes", 200);

    @TempDir
    Path workDir;

    private final List<String> rows = new ArrayList<>();

    @Test
    void run() throws Exception {
        Map<String, String> store = TestDatabase.freshPostgresDatabase();
        String url = store.get("spring.datasource.url");
        embeddedWriteLatency();
        List<String> arguments = arguments(workDir);
        store.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            HttpApi admin = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
            HttpApi api = namespaceWithBucket(admin, "bench");
            String bucket = api.get("/v1/buckets/articles").text("bucket_id");
            String namespaceId = context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT namespace_id FROM dir_namespace WHERE namespace_name = 'bench'", String.class);

            cloneThroughput(api, bucket, url);
            aggregateLoad(context, api, bucket, url, namespaceId);
            replayThroughput(admin, api, bucket, url, namespaceId);
        }
        String table = "| measure | result | baseline (same run) | ratio |\n|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
        System.out.println("\n" + table);
        Files.writeString(Path.of("target", "benchmarks.md"), table);
    }

    /**
     * Write latency on the embedded default, one client, with each commit written to the file before
     * it returns (WRITE_DELAY=0, the default since acknowledgements must survive a kill) against
     * H2's own default (written up to 500 ms later), each on a fresh data directory.
     */
    private void embeddedWriteLatency() throws Exception {
        Map<String, double[]> durable = Map.of();
        Map<String, double[]> lazy = Map.of();
        // Two passes, alternating, and the second reported: the first warms the JVM for both alike.
        for (int pass = 1; pass <= 2; pass++) {
            durable = writeLatencies(workDir.resolve("h2-durable-" + pass), null);
            Path lazyDir = workDir.resolve("h2-write-delay-500-" + pass);
            lazy = writeLatencies(lazyDir, EmbeddedDatabase.h2Url(lazyDir).replace(";WRITE_DELAY=0", ";WRITE_DELAY=500"));
        }
        for (String write : durable.keySet()) {
            double[] after = durable.get(write);
            double[] before = lazy.get(write);
            rows.add(String.format(Locale.ROOT, "| %s latency, H2, WRITE_DELAY=0, 1 client | p50 %.1f ms, p99 %.1f ms "
                    + "| WRITE_DELAY=500: p50 %.1f ms, p99 %.1f ms | p50 %.0f%%, p99 %.0f%% |", write, after[0], after[1],
                    before[0], before[1], 100 * after[0] / before[0], 100 * after[1] / before[1]));
        }
    }

    private Map<String, double[]> writeLatencies(Path dataDir, String url) throws Exception {
        List<String> arguments = arguments(dataDir);
        if (url != null) {
            arguments.add("--spring.datasource.url=" + url);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            HttpApi admin = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
            HttpApi api = namespaceWithBucket(admin, "latency");
            String bucket = api.get("/v1/buckets/articles").text("bucket_id");
            Map<String, double[]> latencies = new LinkedHashMap<>();
            int writes = LATENCY_WRITES;
            timed(writes / 5, i -> api.post("/v1/collections", LedgerHttpTest.textCollection("warmup-" + i, bucket)));
            latencies.put("create", timed(writes, i ->
                    api.post("/v1/collections", LedgerHttpTest.textCollection("created-" + i, bucket))));
            latencies.put("clone", timed(writes, i ->
                    api.post("/v1/collections/created-0/clone", Map.of("collection_name", "cloned-" + i))));
            latencies.put("patch", timed(writes, i ->
                    api.patch("/v1/collections/created-" + i, Map.of("description", "patched " + i))));
            return latencies;
        }
    }

    /** The service on a random port, without the per-key rate limiter: its own throughput, not the limiter's. */
    private static List<String> arguments(Path dataDir) {
        return new ArrayList<>(List.of("--server.port=0", "--ledger.bootstrap-api-key=" + KEY,
                "--ledger.data-dir=" + dataDir, "--logging.level.root=WARN", "--ledger.rate-limit.requests-per-second=0"));
    }

    /** A namespace with the text extractor and a bucket "articles" {title, content}; answers the namespaced client. */
    private static HttpApi namespaceWithBucket(HttpApi admin, String namespace) {
        admin.post("/v1/namespaces", Map.of("namespace_name", namespace, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
        HttpApi api = admin.inNamespace(namespace);
        api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema", Map.of("properties",
                Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
        return api;
    }

    /** p50 and p99 in milliseconds of {@code count} sequential calls, each of which must succeed. */
    private static double[] timed(int count, IntFunction<HttpApi.Response> call) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpApi.Response response = call.apply(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.status() / 100 != 2) {
                throw new IllegalStateException(response.toString());
            }
        }
        Arrays.sort(millis);
        return new double[]{millis[count / 2], millis[(int) Math.ceil(count * 0.99) - 1]};
    }

    private void cloneThroughput(HttpApi api, String bucket, String url) throws Exception {
        String source = api.post("/v1/collections", LedgerHttpTest.textCollection("bench-source", bucket))
                .text("collection_id");
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, payload TEXT)");
        }
        clones(api, source, 1, "warmup", 30);
        for (int clients : new int[]{1, 8}) {
            double raw = perSecond(clients, RAW_COMMITS_PER_CLIENT, client -> {
                try (Connection connection = DriverManager.getConnection(url);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw (payload) VALUES (?)")) {
                    for (int i = 0; i < RAW_COMMITS_PER_CLIENT; i++) {
                        insert.setString(1, "row " + client + " " + i);
                        insert.executeUpdate(); // autocommit: one row, one commit
                    }
                }
                return null;
            });
            double cloned = clones(api, source, clients, "c" + clients, CLONES_PER_CLIENT);
            row("clone throughput over HTTP, " + clients + " client" + (clients > 1 ? "s" : ""),
                    cloned, "clones/s", raw, "single-row insert+commit/s");
        }
    }

    private static double clones(HttpApi api, String source, int clients, String prefix, int perClient)
            throws Exception {
        return perSecond(clients, perClient, client -> {
            for (int i = 0; i < perClient; i++) {
                HttpApi.Response response = api.post("/v1/collections/" + source + "/clone",
                        Map.of("collection_name", prefix + "-" + client + "-" + i));
                if (response.status() != 201) {
                    throw new IllegalStateException(response.toString());
                }
            }
            return null;
        });
    }

    private void aggregateLoad(ConfigurableApplicationContext context, HttpApi api, String bucket, String url,
                               String namespaceId) throws Exception {
        @SuppressWarnings("unchecked")
        Repository<Collection> repository = (Repository<Collection>) context.getBean(Configuration.class)
                .repository(Collection.class);
        for (int events : new int[]{10, 100, 1_000}) {
            String id = api.post("/v1/collections", LedgerHttpTest.textCollection("loaded-" + events, bucket))
                    .text("collection_id");
            appendUpdates(url, id, namespaceId, "loaded-" + events, 1, events - 1);
            double[] millis = new double[15];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.load(id));
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            double first = millis[0];
            double[] later = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(later);
            // The first load reads every event; it takes a snapshot when there are 100 or more,
            // which later loads start from.
            rows.add(String.format(Locale.ROOT, "| aggregate load, %d events | first load %.2f ms; later loads %.2f ms "
                    + "(median of %d) | | |", events, first, later[later.length / 2], later.length));
        }
    }

    private void replayThroughput(HttpApi admin, HttpApi api, String bucket, String url, String namespaceId)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(api.post("/v1/collections", LedgerHttpTest.textCollection("replayed-" + i, bucket))
                    .text("collection_id"));
        }
        int perCollection = REPLAY_EVENTS / ids.size();
        for (int i = 0; i < ids.size(); i++) {
            appendUpdates(url, ids.get(i), namespaceId, "replayed-" + i, 1, perCollection);
        }
        long total;
        try (Connection connection = DriverManager.getConnection(url)) {
            ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry");
            count.next();
            total = count.getLong(1);
        }
        double rawRead = rawSequentialRead(url, total);
        double ceiling = rawReadModelWrites(url);

        long start = System.nanoTime();
        admin.post("/v1/admin/read-model/replay", Map.of());
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            var status = admin.get("/v1/admin/read-model/replay").body();
            return status.path("state").asText().equals("live");
        });
        double replay = total / ((System.nanoTime() - start) / 1e9);
        row("replay of " + total + " events", replay, "events/s", rawRead, "raw JDBC sequential read of the event table, events/s");
        row("replay vs the read-model write ceiling", replay, "events/s", ceiling,
                "raw upsert + token update, 100 per transaction, events/s");
    }

    /** Appends CollectionUpdated events straight into the event table, as the store would. */
    private static void appendUpdates(String url, String id, String namespaceId, String name, int fromSequence,
                                      int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                         time_stamp, payload_type, payload_revision, payload, meta_data)
                     VALUES (?, ?, ?, 'Collection', ?, 'com.collectionledger.api.collection.CollectionUpdated', '1', ?, ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String at = Instant.now().toString();
                String payload = ("{\"collectionId\":\"%s\",\"namespaceId\":\"%s\",\"changedFields\":[\"description\"],"
                        + "\"collectionName\":\"%s\",\"description\":\"revision %d\",\"enabled\":true,\"metadata\":{},"
                        + "\"taxonomyApplications\":[],\"updatedAt\":\"%s\"}").formatted(id, namespaceId, name, i, at);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, id);
                insert.setLong(3, fromSequence + i);
                insert.setString(4, at);
                insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static double rawSequentialRead(String url, long total) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("SELECT global_index, event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                     + "payload, meta_data FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1000")) {
            long last = 0;
            while (true) {
                select.setLong(1, last);
                int batch = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getLong(1);
                        rows.getBytes(9);
                        batch++;
                    }
                }
                read += batch;
                if (batch == 0) {
                    break;
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The ceiling for any projection: one row upsert per event (JDBC batches) plus a token update,
     * 100 events a transaction.
     */
    static double rawReadModelWrites(String url) throws Exception {
        int events = 20_000;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE bench_view (id TEXT PRIMARY KEY, version BIGINT, document TEXT)");
            connection.createStatement().execute("CREATE TABLE bench_token (name TEXT PRIMARY KEY, position BIGINT)");
            connection.createStatement().execute("INSERT INTO bench_token VALUES ('bench', 0)");
            connection.setAutoCommit(false);
            PreparedStatement upsert = connection.prepareStatement("INSERT INTO bench_view VALUES (?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document");
            PreparedStatement token = connection.prepareStatement("UPDATE bench_token SET position = ? WHERE name = 'bench'");
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                upsert.setString(1, "col_" + (i % 500));
                upsert.setLong(2, i);
                upsert.setString(3, "{\"description\":\"revision " + i + "\"}");
                upsert.addBatch();
                if (i % 100 == 99) {
                    upsert.executeBatch();
                    token.setLong(1, i);
                    token.executeUpdate();
                    connection.commit();
                }
            }
            upsert.executeBatch();
            connection.commit();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    interface ClientWork {
        Void run(int client) throws Exception;
    }

    private static double perSecond(int clients, int perClient, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                tasks.add(() -> work.run(next.getAndIncrement()));
            }
            long start = System.nanoTime();
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
            return (double) clients * perClient / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private void row(String measure, double value, String unit, double baseline, String baselineName) {
        rows.add(String.format(Locale.ROOT, "| %s | %.0f %s | %.0f %s | %.1f%% |", measure, value, unit, baseline,
                baselineName, 100 * value / baseline));
    }
}
