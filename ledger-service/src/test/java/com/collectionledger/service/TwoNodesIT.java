package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
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
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service JVMs (the packaged jar) on one PostgreSQL database, without Axon Server: each handles
 * the writes sent to it and serves reads, and the read model's segments are split between them by their
 * claims in the token store (each claims its share among the live nodes: half of them).
 *
 * <ol>
 *   <li>Writes alternate between the nodes, first one by one, then several at once on both. Every write
 *       answers {@code X-Read-Model-Status: current}, whichever node owns its segment, and the other node
 *       GETs it right after.</li>
 *   <li>A replay is asked of node B while A runs: both release their segments, one resets them, both resume;
 *       the status on either node (read from the shared token store) reaches {@code live} at 100%, and both
 *       digest the read model as before the replay.</li>
 *   <li>Node A is SIGKILLed. Writes go on against B: they are still current (B claims A's segments once the
 *       claim timeout, 5 s by default, has passed, within the read-your-writes wait) and B ends up owning every
 *       segment.</li>
 *   <li>Nothing was projected twice or lost: B's read model has the digest of a fresh replay, and counts
 *       exactly the collections whose creation or clone was acknowledged.</li>
 * </ol>
 * Child logs stay in {@code target/two-nodes-it/} for a reader.
 */
@Isolated("two service JVMs: timing of cross-node waits is measured")
class TwoNodesIT {

    private static final String KEY = "sk_test_twonodes_0123456789abcdefghijklmnopq";
    private static final String NAMESPACE = "twonodes";
    private static final int SEGMENTS = 16;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int SEQUENTIAL_WRITES = 24;
    private static final int CONCURRENT_CLIENTS = 4;
    private static final int WRITES_PER_CLIENT = 6;
    private static final int WRITES_AFTER_KILL = 12;

    /**
     * A collection whose creation or clone was acknowledged, by which node, how long it took, and whether
     * the other node owned the read-model segment of its ID when it was written.
     */
    record Acknowledged(String name, String id, String node, long millis, boolean projectedElsewhere) {
    }

    private final List<Process> processes = new ArrayList<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private Path workDir;
    private String bucketId;
    private String sourceId;
    /** Segment to the owning node's name while both nodes run; empty after the kill. */
    private volatile Map<Integer, String> segmentOwners = Map.of();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoNodesShareTheReadModelAndTheSurvivorTakesOverTheSegmentsOfAKilledOne() throws Exception {
        long began = System.nanoTime();
        workDir = Path.of("target", "two-nodes-it").toAbsolutePath();
        Files.createDirectories(workDir);
        Map<String, String> database = TestDatabase.freshPostgresDatabase();

        Node a = start("node-a", database);
        Node b = start("node-b", database);
        long bothUp = System.nanoTime();
        await("the segments split between the nodes").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> segmentsOf(a) == SEGMENTS / 2 && segmentsOf(b) == SEGMENTS / 2);
        long split = Duration.ofNanos(System.nanoTime() - bothUp).toMillis();
        segmentOwners = segmentOwners(database, Map.of(ownerOf(a), a.name(), ownerOf(b), b.name()));
        assertThat(segmentOwners).as("segments and their owners").hasSize(SEGMENTS);

        createNamespaceBucketAndSource(a, b);

        for (int i = 0; i < SEQUENTIAL_WRITES; i++) {
            Node writer = i % 2 == 0 ? a : b;
            write(writer, writer == a ? b : a, "seq-" + i, i % 3 != 0);
        }
        writeConcurrently(List.of(a, b), "both", CONCURRENT_CLIENTS, WRITES_PER_CLIENT);
        HttpApi.Response namespaceClone = b.admin().post("/v1/namespaces/" + NAMESPACE + "/clone",
                Map.of("namespace_name", NAMESPACE + "_copy"));
        assertThat(namespaceClone.status()).as("namespace clone on B: %s", namespaceClone).isEqualTo(200);
        assertThat(namespaceClone.header("X-Read-Model-Status")).as("namespace clone on B").isEqualTo("current");
        assertThat(violations).as("while both nodes ran").isEmpty();
        List<Acknowledged> beforeKill = List.copyOf(acknowledged);
        assertThat(beforeKill).as("writes projected by the other node than the one written to")
                .anyMatch(Acknowledged::projectedElsewhere);
        segmentOwners = Map.of();

        long replayMillis = replayWhileBothRun(a, b);

        assertThat(a.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS)).as("node A gone after SIGKILL").isTrue();
        long killed = System.nanoTime();
        writeConcurrently(List.of(b), "after-kill", CONCURRENT_CLIENTS, WRITES_AFTER_KILL / CONCURRENT_CLIENTS);
        await("B owns every segment").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> segmentsOf(b) == SEGMENTS);
        long takenOver = Duration.ofNanos(System.nanoTime() - killed).toMillis();
        assertThat(violations).as("after A was killed").isEmpty();
        awaitCaughtUp(b);

        for (Acknowledged write : acknowledged) {
            HttpApi.Response read = b.client().get("/v1/collections/" + write.name());
            assertThat(read.status()).as("GET %s on B at the end", write).isEqualTo(200);
            assertThat(read.text("collection_id")).as(write.toString()).isEqualTo(write.id());
        }
        HttpApi.Response list = b.client().post("/v1/collections/list?limit=1&include_total=true", Map.of());
        assertThat(list.at("total_count").asLong()).as("collections in the read model vs. acknowledged ones")
                .isEqualTo(acknowledged.size());

        JsonNode before = b.admin().get("/v1/admin/read-model/checksum").body();
        assertThat(b.admin().post("/v1/admin/read-model/replay", Map.of()).status()).as("replay accepted").isEqualTo(202);
        awaitCaughtUp(b);
        JsonNode after = b.admin().get("/v1/admin/read-model/checksum").body();
        assertThat(after).as("the read model both nodes built, then B alone, equals a fresh replay").isEqualTo(before);

        List<Acknowledged> afterKill = acknowledged.stream().filter(write -> !beforeKill.contains(write)).toList();
        // One at a time, the two kinds differ only in which node projects; at once, they also share the load.
        List<Acknowledged> oneByOne = beforeKill.stream().filter(write -> write.name().startsWith("seq-")).toList();
        List<Acknowledged> atOnce = beforeKill.stream().filter(write -> !oneByOne.contains(write)).toList();
        System.out.printf("TwoNodesIT: %d acknowledged creates and clones; write to its current answer, both nodes "
                        + "up, one at a time, projected by the node written to: %s; by the other node: %s; several at "
                        + "once, by the node written to: %s; by the other: %s; on B after A's SIGKILL: "
                        + "%s; segments split 8/8 %d ms after both were up; a replay asked of B live on both %d ms "
                        + "later; B owned every segment %d ms after the SIGKILL; %d s in all%n", acknowledged.size(),
                times(oneByOne.stream().filter(write -> !write.projectedElsewhere()).toList()),
                times(oneByOne.stream().filter(Acknowledged::projectedElsewhere).toList()),
                times(atOnce.stream().filter(write -> !write.projectedElsewhere()).toList()),
                times(atOnce.stream().filter(Acknowledged::projectedElsewhere).toList()), times(afterKill),
                split, replayMillis, takenOver, Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    /** Asks B for a replay while A runs; both report it live and digest the same read model. Its duration. */
    private static long replayWhileBothRun(Node a, Node b) {
        awaitCaughtUp(a);
        JsonNode before = a.admin().get("/v1/admin/read-model/checksum").body();
        long asked = System.nanoTime();
        HttpApi.Response replay = b.admin().post("/v1/admin/read-model/replay", Map.of());
        assertThat(replay.status()).as("replay asked of B while A runs: %s", replay).isEqualTo(202);
        for (Node node : List.of(a, b)) {
            await("the replay live at 100%, seen from " + node.name()).atMost(SETTLE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        JsonNode status = replayStatus(node);
                        return status.path("state").asText().equals("live")
                                && status.path("percent").asDouble() == 100.0
                                && status.path("position").asLong() >= status.path("head").asLong()
                                && status.path("replay").path("state").asText().equals("reset");
                    });
        }
        long millis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
        assertThat(replayStatus(a).path("replay").path("generation").asLong()).as("one replay").isEqualTo(1);
        assertThat(a.admin().get("/v1/admin/read-model/checksum").body()).as("A's digest after the replay")
                .isEqualTo(before);
        assertThat(b.admin().get("/v1/admin/read-model/checksum").body()).as("B's digest after the replay")
                .isEqualTo(before);
        return millis;
    }

    private static String times(List<Acknowledged> writes) {
        List<Long> millis = writes.stream().map(Acknowledged::millis).sorted().toList();
        return millis.isEmpty() ? "none" : String.format("%d writes, median %d ms, max %d ms", millis.size(),
                millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    // ---- writes -----------------------------------------------------------------------------------------

    private void createNamespaceBucketAndSource(Node a, Node b) {
        HttpApi.Response namespace = a.admin().post("/v1/namespaces", Map.of("namespace_name", NAMESPACE,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
        assertThat(namespace.status()).as("namespace on A: %s", namespace).isEqualTo(200);
        HttpApi.Response bucket = b.client().post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
        assertThat(bucket.status()).as("bucket on B: %s", bucket).isEqualTo(200);
        assertThat(bucket.header("X-Read-Model-Status")).as("bucket on B").isEqualTo("current");
        bucketId = bucket.text("bucket_id");
        long start = System.nanoTime();
        HttpApi.Response source = a.client().post("/v1/collections", LedgerHttpTest.textCollection("source", bucketId));
        assertThat(source.status()).as("source collection on A: %s", source).isEqualTo(200);
        sourceId = source.text("collection_id");
        acknowledged.add(new Acknowledged("source", sourceId, a.name(),
                Duration.ofNanos(System.nanoTime() - start).toMillis(), projectedElsewhere(a, sourceId)));
    }

    /** Creates or clones {@code name} on {@code writer}; it must answer current, and {@code reader} show it. */
    private void write(Node writer, Node reader, String name, boolean clone) {
        long start = System.nanoTime();
        HttpApi.Response response = clone
                ? writer.client().post("/v1/collections/" + sourceId + "/clone", Map.of("collection_name", name))
                : writer.client().post("/v1/collections", LedgerHttpTest.textCollection(name, bucketId));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        int expected = clone ? 201 : 200;
        if (response.status() != expected) {
            violations.add((clone ? "clone " : "create ") + name + " on " + writer.name() + ": " + response);
            return;
        }
        String id = response.text(clone ? "collection.collection_id" : "collection_id");
        acknowledged.add(new Acknowledged(name, id, writer.name(), millis, projectedElsewhere(writer, id)));
        if (!"current".equals(response.header("X-Read-Model-Status"))) {
            violations.add(name + " on " + writer.name() + " answered " + response.header("X-Read-Model-Status")
                    + " after " + millis + " ms");
        }
        HttpApi.Response read = reader.client().get("/v1/collections/" + name);
        if (read.status() != 200 || !id.equals(read.text("collection_id"))) {
            violations.add(name + " written on " + writer.name() + ": GET on " + reader.name() + " answers " + read);
        }
    }

    /** Clients writing at once, each on one node (round robin) and reading on the next. */
    private void writeConcurrently(List<Node> nodes, String tag, int clients, int writesEach) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CompletableFuture.allOf(IntStream.range(0, clients).mapToObj(c -> CompletableFuture.runAsync(() -> {
                Node writer = nodes.get(c % nodes.size());
                Node reader = nodes.get((c + 1) % nodes.size());
                for (int i = 0; i < writesEach; i++) {
                    write(writer, reader, tag + "-" + c + "-" + i, (c + i) % 2 == 0);
                }
            }, threads)).toArray(CompletableFuture[]::new)).get(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- the read model's progress ----------------------------------------------------------------------

    private static JsonNode replayStatus(Node node) {
        return node.admin().get("/v1/admin/read-model/replay").body();
    }

    /** How many read-model segments this node's processor has claimed, as the status (of any node) says. */
    private static int segmentsOf(Node node) {
        for (JsonNode claims : replayStatus(node).path("nodes")) {
            if (claims.path("node").asText().startsWith(ownerOf(node))) {
                return claims.path("segments").asInt();
            }
        }
        return 0;
    }

    private static void awaitCaughtUp(Node node) {
        await("the read model of " + node.name() + " at the head").atMost(SETTLE_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode status = replayStatus(node);
                    return status.path("state").asText().equals("live")
                            && status.path("position").asLong() >= status.path("head").asLong();
                });
    }

    /**
     * Whether the other node than {@code writer} owned the segment of {@code aggregateId} (the read model is
     * sequenced per aggregate: Axon's segment of an ID is its hash code's low bits).
     */
    private boolean projectedElsewhere(Node writer, String aggregateId) {
        String owner = segmentOwners.get(aggregateId.hashCode() & (SEGMENTS - 1));
        return owner != null && !owner.equals(writer.name());
    }

    /** Axon names a token's owner by the JVM's runtime name, {@code pid@host}. */
    private static String ownerOf(Node node) {
        return node.process().pid() + "@";
    }

    /** Segment to the name of the node that claims it, {@code nodesByOwner} keyed by owner prefix. */
    private static Map<Integer, String> segmentOwners(Map<String, String> database, Map<String, String> nodesByOwner)
            throws SQLException {
        Map<Integer, String> owners = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet tokens = statement.executeQuery("SELECT segment, owner FROM token_entry WHERE owner IS NOT NULL")) {
            while (tokens.next()) {
                String owner = tokens.getString("owner");
                for (Map.Entry<String, String> node : nodesByOwner.entrySet()) {
                    if (owner.startsWith(node.getKey())) {
                        owners.put(tokens.getInt("segment"), node.getValue());
                    }
                }
            }
        }
        return owners;
    }

    // ---- the child processes ----------------------------------------------------------------------------

    /** One service JVM: the packaged jar on a free port, its output in {@code <name>.log}. */
    private record Node(String name, Process process, int port, Path log) {

        HttpApi admin() {
            return new HttpApi(port, KEY);
        }

        HttpApi client() {
            return new HttpApi(port, KEY).inNamespace(NAMESPACE);
        }

        String logTail() {
            return ServiceJar.logTail(log);
        }
    }

    private Node start(String name, Map<String, String> database, String... more) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + workDir.resolve(name)));
        database.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of(more));
        Path log = workDir.resolve(name + ".log");
        ServiceJar.Started started = ServiceJar.start(KEY, log, arguments);
        Process process = started.process();
        int port = started.port();
        processes.add(process);
        Node node = new Node(name, process, port, log);
        long began = System.nanoTime();
        ServiceJar.awaitHealthy(name, process, node.admin(), log, START_TIMEOUT);
        System.out.printf("TwoNodesIT: %s up on port %d in %d ms%n", name, port,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        return node;
    }
}
