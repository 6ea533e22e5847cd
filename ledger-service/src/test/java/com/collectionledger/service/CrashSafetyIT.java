package com.collectionledger.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as a child process, killed and stopped under load, on the embedded default (H2 files
 * under {@code --ledger.data-dir}, no datasource settings) and on PostgreSQL. A 2xx for a write is sent
 * only once its events are durable, so a killed process loses nothing it acknowledged.
 *
 * <p>Each store goes through these rounds, on one data directory (or database) throughout:
 * <ol>
 *   <li>Two SIGKILL rounds. Start the jar; 8 clients clone a shared source collection and PATCH the
 *       description of clones they made themselves, every write with a name or value of its own; after k
 *       acknowledgements the test SIGKILLs the process. The next round's clients start as soon as health is
 *       UP, while the read model catches up (and the killed process's claims expire). The first round kills
 *       a process on a fresh store, the second one that restarted after a kill.</li>
 *   <li>One SIGTERM round under the same load: once the read model has caught up by itself with what the
 *       last killed process wrote, and after k acknowledgements, the test sends SIGTERM.</li>
 *   <li>A last start, with no replay asked for, to check everything acknowledged.</li>
 * </ol>
 *
 * <p>What that proves, for each store:
 * <ul>
 *   <li>read-your-writes holds in every round, during the catch-up after a kill too: right after its 201 a
 *       clone GETs 200 by its name; right after its 200 a PATCH's collection GETs its version and description
 *       (unless the answer said {@code X-Read-Model-Status: behind}; such writes are counted and checked at the end);</li>
 *   <li>while the service is up, every request gets its 2xx. After SIGTERM a request gets its 2xx, a clean
 *       503 envelope with {@code Retry-After}, or a refused or closed connection (it never reached the service);</li>
 *   <li>SIGTERM ends the process within 90 s and the read-model processor releases its segments
 *       (no {@code token_entry} row keeps an owner);</li>
 *   <li>after every SIGKILL and after the SIGTERM, before the next start, every clone and patch acknowledged
 *       so far is in the event store exactly once (read with JDBC), and no clone or patch is there twice;</li>
 *   <li>at the last start GET and history show every acknowledged write, and the list route counts exactly
 *       the live collections of the event store;</li>
 *   <li>the read model that caught up by itself has the digest of a fresh replay.</li>
 * </ul>
 *
 * <p>The moments: the range of k is cut into three equal bands and each round's signal falls in a band of
 * its own, so a store's two kills and its SIGTERM are spread over the range (which band goes to which
 * round, and where in it, is drawn per store). A further kill round would repeat one of these cases (a
 * process restarted after a kill, killed under load) at the cost of another start-up on each store.
 *
 * <p>The kill moments and the clients' choices come from one seed, printed at the start;
 * {@code -Dcrash.seed=<n>} draws them again (8 threads against a child process never repeat their timing
 * exactly). Child logs and data stay in {@code target/crash-safety-it/<store>/} for a reader.
 */
class CrashSafetyIT {

    private static final String KEY = "sk_test_crash_0123456789abcdefghijklmnopqrstuv";
    private static final String NAMESPACE = "crash";
    private static final int CLIENTS = 8;
    private static final int KILL_ROUNDS = 2;
    private static final int FEWEST_ACKS_BEFORE_SIGNAL = 10;
    private static final int MOST_ACKS_BEFORE_SIGNAL = 60;
    private static final long SEED = Long.getLong("crash.seed", 20261201L);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENTS_END_TIMEOUT = Duration.ofSeconds(60);

    private static final String EVENTS = "com.collectionledger.api.collection.";

    /** The stores the packaged jar runs on. */
    enum Store { H2_FILES, POSTGRESQL }

    /** How a round ends. */
    enum Signal { SIGKILL, SIGTERM }

    enum Kind { CLONE, PATCH }

    /** A write the service answered with a 2xx, and what it wrote. */
    record Acknowledged(Kind kind, int round, String collectionId, String collectionName, String description,
                        long version) {

        @Override
        public String toString() {
            return kind == Kind.CLONE ? "clone " + collectionName + " (" + collectionId + ", round " + round + ")"
                    : "patch of " + collectionId + " to '" + description + "' v" + version + " (round " + round + ")";
        }
    }

    /** A collection a client cloned itself and may PATCH (no other client touches it). */
    record Owned(String collectionId, String collectionName) {
    }

    /** What the event store holds, read with JDBC. */
    record StoredEvents(Map<String, Integer> clonesByName, Map<String, Integer> updatesByDescription,
                        long liveCollections) {
    }

    private final List<Service> services = new ArrayList<>();
    /** The stores run side by side (see the failsafe configuration): each line printed says which. */
    private String label = "";
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    /** Per client, the collections it cloned, across rounds; touched by that client's thread only. */
    private final List<List<Owned>> owned = IntStream.range(0, CLIENTS)
            .<List<Owned>>mapToObj(c -> new ArrayList<>()).toList();

    @AfterEach
    void stopServices() throws InterruptedException {
        for (Service service : services) {
            service.process.destroyForcibly().waitFor(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Store.class)
    void acknowledgedWritesSurviveSigkillsAndASigtermUnderLoad(Store kind) throws Exception {
        label = "[" + kind + "]";
        long began = System.nanoTime();
        StoreUnderTest store = StoreUnderTest.fresh(kind);
        List<Integer> moments = signalMoments(kind);
        System.out.printf("CrashSafetyIT on %s: seed %d (-Dcrash.seed=%d draws the same), SIGKILL after %s "
                        + "acknowledgements, then SIGTERM after %d; child logs in %s%n", kind, SEED, SEED,
                moments.subList(0, KILL_ROUNDS), moments.get(KILL_ROUNDS), store.workDir());

        Service service = start(store, "round-1");
        String sourceId = createSharedSource(service);
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            if (round > 1) {
                service = start(store, "round-" + round);
            }
            Load load = new Load(service, round, sourceId, moments.get(round - 1)).start();
            load.awaitAcknowledgements();
            load.kill();
            assertAcknowledgedWritesStoredOnce(readEventStore(store), "after the SIGKILL of round " + round);
            load.assertOnlyAllowedOutcomes();
        }

        service = start(store, "round-" + (KILL_ROUNDS + 1));
        long headAfterLastKill = replayStatus(service).path("head").asLong();
        Load load = new Load(service, KILL_ROUNDS + 1, sourceId, moments.get(KILL_ROUNDS)).start();
        load.awaitAcknowledgements();
        awaitReadModelAt(service, headAfterLastKill);
        load.terminate();
        StoredEvents stored = readEventStore(store);
        assertAcknowledgedWritesStoredOnce(stored, "after the SIGTERM of round " + (KILL_ROUNDS + 1));
        load.assertOnlyAllowedOutcomes();
        assertSegmentsReleased(store);

        service = start(store, "final");
        awaitCaughtUp(service); // by itself: no replay was asked for
        assertEveryWriteVisible(service);
        assertListCountsTheStoredCollections(service, stored);
        assertReadModelEqualsAFreshReplay(service);
        System.out.printf("CrashSafetyIT on %s: %d acknowledged writes checked in %d s%n", kind,
                acknowledged.size(), Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    // ---- the rounds -------------------------------------------------------------------------------------

    /**
     * After how many acknowledgements each round's signal goes: one number from each of KILL_ROUNDS + 1 equal
     * bands of the range, in an order drawn from the seed (and the store).
     */
    private static List<Integer> signalMoments(Store kind) {
        Random random = new Random(SEED * 31 + kind.ordinal());
        int rounds = KILL_ROUNDS + 1;
        int span = MOST_ACKS_BEFORE_SIGNAL - FEWEST_ACKS_BEFORE_SIGNAL + 1;
        List<Integer> moments = IntStream.range(0, rounds).mapToObj(band -> {
            int from = FEWEST_ACKS_BEFORE_SIGNAL + band * span / rounds;
            int to = FEWEST_ACKS_BEFORE_SIGNAL + (band + 1) * span / rounds; // exclusive
            return from + random.nextInt(to - from);
        }).collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(moments, random);
        return List.copyOf(moments);
    }

    /** The namespace, a bucket and the collection every client clones. */
    private static String createSharedSource(Service service) {
        HttpApi.Response namespace = service.admin.post("/v1/namespaces", Map.of("namespace_name", NAMESPACE,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
        assertThat(namespace.status()).as("namespace: %s", namespace).isEqualTo(200);
        HttpApi api = service.client();
        HttpApi.Response bucket = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
        assertThat(bucket.status()).as("bucket: %s", bucket).isEqualTo(200);
        HttpApi.Response source = api.post("/v1/collections",
                LedgerHttpTest.textCollection("crash-source", bucket.text("bucket_id")));
        assertThat(source.status()).as("source collection: %s", source).isEqualTo(200);
        return source.text("collection_id");
    }

    /**
     * One round: {@value #CLIENTS} clients writing against one running service until it goes away, and what
     * they saw. A write counts as acknowledged only when its 2xx arrived; a request that fails at the
     * connection level after the signal was never acknowledged.
     */
    private final class Load {

        private final Service service;
        private final int round;
        private final String sourceId;
        private final int signalAfter;
        private final long started = System.nanoTime(); // right after health was UP
        private final AtomicInteger acks = new AtomicInteger();
        private final AtomicInteger connectionErrors = new AtomicInteger();
        private final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicInteger answeredBehind = new AtomicInteger();
        private final Queue<String> violations = new ConcurrentLinkedQueue<>();
        private final CompletableFuture<Void> enoughAcknowledged = new CompletableFuture<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        private CompletableFuture<Void> clientsDone;
        private volatile long firstAcknowledged;
        private volatile Signal signal;
        private volatile boolean stop;

        Load(Service service, int round, String sourceId, int signalAfter) {
            this.service = service;
            this.round = round;
            this.sourceId = sourceId;
            this.signalAfter = signalAfter;
        }

        Load start() {
            clientsDone = CompletableFuture.allOf(IntStream.range(0, CLIENTS)
                    .mapToObj(c -> CompletableFuture.runAsync(() -> client(c), threads))
                    .toArray(CompletableFuture[]::new));
            return this;
        }

        void awaitAcknowledgements() throws Exception {
            try {
                CompletableFuture.anyOf(enoughAcknowledged, clientsDone).get(ROUND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // answered below
            }
            if (!enoughAcknowledged.isDone()) {
                fail("round %d: only %d of %d acknowledgements before the signal; violations: %s%nlog %s:%n%s",
                        round, acks.get(), signalAfter, violations, service.log, service.logTail());
            }
        }

        /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no flush, mid-request. */
        void kill() throws Exception {
            signal = Signal.SIGKILL;
            stop = true;
            assertThat(service.process.destroyForcibly().waitFor(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("round %d: the process is gone after SIGKILL", round).isTrue();
            endClients();
        }

        /** SIGTERM with the clients still writing; they stop once the process has exited. */
        void terminate() throws Exception {
            signal = Signal.SIGTERM;
            service.process.destroy();
            boolean exited = service.process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            stop = true;
            assertThat(exited).as("round %d: the service exits within %s of SIGTERM; log %s:%n%s", round,
                    SHUTDOWN_TIMEOUT, service.log, service.logTail()).isTrue();
            System.out.printf(label + "  round %d: exit value %d after SIGTERM (143 = by the signal, 0 = normal)%n",
                    round, service.process.exitValue());
            endClients();
        }

        void assertOnlyAllowedOutcomes() {
            assertThat(violations).as("round %d (%s after %d acknowledgements): what clients saw that the service "
                    + "must never answer; log %s", round, signal, signalAfter, service.log).isEmpty();
        }

        private void endClients() throws Exception {
            clientsDone.get(CLIENTS_END_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            threads.shutdown();
            System.out.printf(label + "  round %d (%s after %d): %d acknowledged (%d of them with the read model behind), the "
                            + "first after %d ms; %d connection-level errors after the signal, %d clean 503s; %d ms%n",
                    round, signal, signalAfter, acks.get(), answeredBehind.get(),
                    Duration.ofNanos(firstAcknowledged - started).toMillis(), connectionErrors.get(), unavailable.get(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }

        private void client(int client) {
            HttpApi api = service.client(); // a connection of its own, as a separate client would have
            Random random = new Random(SEED + 1000L * round + client);
            List<Owned> mine = owned.get(client);
            try {
                for (int op = 1; !stop; op++) {
                    String tag = "c" + client + "-r" + round + "-op" + op;
                    if (mine.isEmpty() || random.nextBoolean()) {
                        cloneSource(api, tag, mine);
                    } else {
                        patchDescription(api, mine.get(random.nextInt(mine.size())), "d-" + tag);
                    }
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof JsonProcessingException) {
                    violations.add("client " + client + ": a body that is not JSON: " + e.getCause().getMessage());
                } else if (signal == null) {
                    violations.add("client " + client + ": connection failed while the service was up: " + e);
                } else {
                    connectionErrors.incrementAndGet(); // never reached the service, or its answer never came
                }
            } catch (RuntimeException e) {
                violations.add("client " + client + ": " + e);
            }
        }

        private void cloneSource(HttpApi api, String name, List<Owned> mine) {
            HttpApi.Response response = api.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", name));
            if (response.status() != 201) {
                refused("clone " + name, response);
                return;
            }
            String id = response.text("collection.collection_id");
            acknowledge(new Acknowledged(Kind.CLONE, round, id, name, null, 0));
            mine.add(new Owned(id, name));
            if (saysReadModelBehind(response)) {
                return;
            }
            HttpApi.Response read = api.get("/v1/collections/" + name);
            if (read.status() != 200 || !read.text("collection_id").equals(id)) {
                refused("read-your-writes: GET of clone " + name + " (" + id + ") right after its 201", read);
            }
        }

        private void patchDescription(HttpApi api, Owned collection, String description) {
            HttpApi.Response response = api.patch("/v1/collections/" + collection.collectionId(),
                    Map.of("description", description));
            if (response.status() != 200) {
                refused("patch of " + collection.collectionName() + " to " + description, response);
                return;
            }
            long version = Long.parseLong(String.valueOf(response.header("ETag")).replace("\"", ""));
            acknowledge(new Acknowledged(Kind.PATCH, round, collection.collectionId(), collection.collectionName(),
                    description, version));
            if (response.at("version").asLong() != version || !response.text("description").equals(description)) {
                violations.add("read-your-writes: the 200 of the patch to " + description + " has ETag v" + version
                        + " but shows " + response.at("version") + " '" + response.text("description") + "'");
            }
            if (saysReadModelBehind(response)) {
                return;
            }
            HttpApi.Response read = api.get("/v1/collections/" + collection.collectionId());
            // This client is the only writer of its collections: nothing later than its own patch exists.
            if (read.status() != 200 || read.at("version").asLong() < version
                    || !read.text("description").equals(description)) {
                refused("read-your-writes: GET of " + collection.collectionName() + " right after its patch to "
                        + description + " (v" + version + ")", read);
            }
        }

        /**
         * A write whose read model did not show it within the read-your-writes timeout (for instance while a
         * restarted node waits for the dead one's segment claims to expire) says so; the final checks find it.
         */
        private boolean saysReadModelBehind(HttpApi.Response response) {
            boolean behind = "behind".equals(response.header("X-Read-Model-Status"));
            if (behind) {
                answeredBehind.incrementAndGet();
            }
            return behind;
        }

        private void acknowledge(Acknowledged write) {
            acknowledged.add(write);
            int count = acks.incrementAndGet();
            if (count == 1) {
                firstAcknowledged = System.nanoTime();
            }
            if (count >= signalAfter) {
                enoughAcknowledged.complete(null);
            }
        }

        /** An answer other than the expected one: allowed only as a clean 503 once SIGTERM was sent. */
        private void refused(String what, HttpApi.Response response) {
            if (signal == Signal.SIGTERM && isCleanUnavailable(response)) {
                unavailable.incrementAndGet();
            } else {
                violations.add(what + ": " + response.status() + " " + response.headers() + " " + response.body());
            }
        }
    }

    private static boolean isCleanUnavailable(HttpApi.Response response) {
        JsonNode body = response.body();
        return response.status() == 503 && response.header("Retry-After") != null
                && body.path("success").isBoolean() && !body.path("success").asBoolean()
                && body.path("status").asInt() == 503
                && body.path("error").path("type").asText().equals("ServiceUnavailableError");
    }

    // ---- what must hold afterwards ----------------------------------------------------------------------

    /** A processor that stopped cleanly leaves its tokens unowned, so another node claims them at once. */
    private static void assertSegmentsReleased(StoreUnderTest store) throws SQLException {
        List<String> owners = new ArrayList<>();
        int rows = 0;
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet tokens = statement.executeQuery("SELECT processor_name, segment, owner FROM token_entry")) {
            while (tokens.next()) {
                rows++;
                if (tokens.getString("owner") != null) {
                    owners.add(tokens.getString("processor_name") + "/" + tokens.getInt("segment") + " owned by "
                            + tokens.getString("owner"));
                }
            }
        }
        assertThat(rows).as("token_entry has the read model's segments").isPositive();
        assertThat(owners).as("segments still claimed after SIGTERM").isEmpty();
    }

    private static StoredEvents readEventStore(StoreUnderTest store) throws SQLException, IOException {
        Map<String, Integer> clones = new HashMap<>();
        Map<String, Integer> updates = new HashMap<>();
        long live = 0;
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet events = statement.executeQuery("SELECT payload_type, payload FROM domain_event_entry "
                     + "WHERE payload_type LIKE '" + EVENTS + "Collection%'")) {
            while (events.next()) {
                JsonNode payload = HttpApi.JSON.readTree(events.getBytes("payload"));
                switch (events.getString("payload_type").substring(EVENTS.length())) {
                    case "CollectionCreated" -> live++;
                    case "CollectionCloned" -> {
                        live++;
                        clones.merge(payload.path("collectionName").asText(), 1, Integer::sum);
                    }
                    case "CollectionUpdated" -> updates.merge(payload.path("description").asText(), 1, Integer::sum);
                    case "CollectionDeleted" -> live--;
                    default -> {
                        // not an event that changes which collections exist
                    }
                }
            }
        }
        return new StoredEvents(clones, updates, live);
    }

    /**
     * The event store is read with JDBC while no service runs: an H2 file is open in one process at a time
     * (the test opens it read-only, so it stays as the killed process left it), and nothing writes then.
     */
    private void assertAcknowledgedWritesStoredOnce(StoredEvents stored, String when) {
        List<String> problems = new ArrayList<>();
        for (Acknowledged write : acknowledged) {
            int times = write.kind() == Kind.CLONE ? stored.clonesByName().getOrDefault(write.collectionName(), 0)
                    : stored.updatesByDescription().getOrDefault(write.description(), 0);
            if (times != 1) {
                problems.add(write + " is in the event store " + times + " times");
            }
        }
        assertThat(problems).as("%s: acknowledged writes (of %d) not in the event store exactly once", when,
                acknowledged.size()).isEmpty();
        assertThat(stored.clonesByName()).as("%s: clone names stored twice (acknowledged or not)", when)
                .allSatisfy((name, times) -> assertThat(times).as(name).isEqualTo(1));
        assertThat(stored.updatesByDescription()).as("%s: patches stored twice (acknowledged or not)", when)
                .allSatisfy((description, times) -> assertThat(times).as(description).isEqualTo(1));
    }

    /** Every acknowledged write, through GET and the history route (history by ID reads the event store). */
    private void assertEveryWriteVisible(Service service) {
        HttpApi api = service.client();
        Map<String, List<Acknowledged>> byCollection = acknowledged.stream()
                .collect(Collectors.groupingBy(Acknowledged::collectionId, LinkedHashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        byCollection.forEach((id, writes) -> {
            HttpApi.Response current = api.get("/v1/collections/" + id);
            long newest = writes.stream().mapToLong(Acknowledged::version).max().orElse(0);
            if (current.status() != 200 || current.at("version").asLong() < newest) {
                problems.add(id + ": GET answers " + current + ", expected at least v" + newest);
            }
            HttpApi.Response history = api.get("/v1/collections/" + id + "/history?limit=1000");
            List<JsonNode> entries = history.status() == 200 ? toList(history.at("results")) : List.of();
            for (Acknowledged write : writes) {
                long found = write.kind() == Kind.CLONE
                        ? entries.stream().filter(e -> e.path("event_type").asText().equals("CollectionCloned")).count()
                        : entries.stream().filter(e -> e.path("event_type").asText().equals("CollectionUpdated")
                        && e.at("/changes/description/to").asText().equals(write.description())).count();
                if (found != 1) {
                    problems.add(write + ": " + found + " history entries (history " + history.status() + ")");
                }
                if (write.kind() == Kind.CLONE) {
                    HttpApi.Response byName = api.get("/v1/collections/" + write.collectionName());
                    if (byName.status() != 200 || !byName.text("collection_id").equals(id)) {
                        problems.add(write + ": GET by name answers " + byName);
                    }
                }
            }
        });
        assertThat(problems).as("acknowledged writes that GET or history do not show (of %d)", acknowledged.size())
                .isEmpty();
    }

    private static void assertListCountsTheStoredCollections(Service service, StoredEvents stored) {
        HttpApi.Response list = service.client().post("/v1/collections/list?limit=1&include_total=true", Map.of());
        assertThat(list.at("total_count").asLong())
                .as("live collections in the read model vs. in the event store (created + cloned - deleted)")
                .isEqualTo(stored.liveCollections());
    }

    private static void assertReadModelEqualsAFreshReplay(Service service) {
        String caughtUp = service.admin.get("/v1/admin/read-model/checksum").text("checksum");
        assertThat(service.admin.post("/v1/admin/read-model/replay", Map.of()).status())
                .as("replay accepted").isEqualTo(202);
        awaitCaughtUp(service);
        assertThat(service.admin.get("/v1/admin/read-model/checksum").text("checksum"))
                .as("the read model caught up after the kills and the shutdown equals a fresh replay")
                .isEqualTo(caughtUp);
    }

    // ---- the read model's progress ----------------------------------------------------------------------

    private static JsonNode replayStatus(Service service) {
        return service.admin.get("/v1/admin/read-model/replay").body();
    }

    /** Live (every segment claimed, nothing replaying) and at or past {@code position}. */
    private static void awaitReadModelAt(Service service, long position) {
        await("the read model at position " + position).atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode status = replayStatus(service);
                    return status.path("state").asText().equals("live") && status.path("position").asLong() >= position;
                });
    }

    /** Live and at the head of the event store (only when no writes are going on). */
    private static void awaitCaughtUp(Service service) {
        await("the read model at the head").atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode status = replayStatus(service);
                    return status.path("state").asText().equals("live")
                            && status.path("position").asLong() >= status.path("head").asLong();
                });
    }

    // ---- the child process and its store ----------------------------------------------------------------

    /** Where the service keeps its data (a directory, and for PostgreSQL a database), and how to read it. */
    private record StoreUnderTest(Store kind, Path workDir, Map<String, String> datasource) {

        static StoreUnderTest fresh(Store kind) throws IOException {
            Path workDir = Path.of("target", "crash-safety-it", kind.name().toLowerCase()).toAbsolutePath();
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
            return new StoreUnderTest(kind, workDir,
                    kind == Store.POSTGRESQL ? TestDatabase.freshPostgresDatabase() : Map.of());
        }

        Path dataDir() {
            return workDir.resolve("data");
        }

        /** The embedded default gets only the data directory: no spring.datasource.* at all. */
        List<String> arguments() {
            List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir()));
            datasource.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            return arguments;
        }

        /** A JDBC connection from this JVM; for H2 only while no service runs (the file is locked), read-only. */
        Connection connect() throws SQLException {
            if (kind == Store.H2_FILES) {
                // The file of EmbeddedDatabase.h2Url: <data-dir>/ledger.
                return DriverManager.getConnection("jdbc:h2:file:" + dataDir().resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "sa", "");
            }
            return DriverManager.getConnection(datasource.get("spring.datasource.url"),
                    datasource.get("spring.datasource.username"), datasource.get("spring.datasource.password"));
        }

        private static void deleteRecursively(Path directory) throws IOException {
            if (Files.exists(directory)) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /** One run of the packaged jar: a child process on a free port, its output in {@code <name>.log}. */
    private record Service(Process process, int port, HttpApi admin, Path log) {

        /** A new client (a connection of its own) in the test's namespace. */
        HttpApi client() {
            return new HttpApi(port, KEY).inNamespace(NAMESPACE);
        }

        String logTail() {
            return ServiceJar.logTail(log);
        }
    }

    private Service start(StoreUnderTest store, String name) throws IOException {
        Path log = store.workDir().resolve(name + ".log");
        ServiceJar.Started started = ServiceJar.start(KEY, log, store.arguments());
        Process process = started.process();
        int port = started.port();
        Service service = new Service(process, port, new HttpApi(port, KEY), log);
        services.add(service);
        long began = System.nanoTime();
        ServiceJar.awaitHealthy(name, process, service.admin, log, START_TIMEOUT);
        JsonNode readModel = replayStatus(service);
        System.out.printf(label + "  %s: up on port %d in %d ms; read model %s at %d of %d%n", name, port,
                Duration.ofNanos(System.nanoTime() - began).toMillis(), readModel.path("state").asText(),
                readModel.path("position").asLong(), readModel.path("head").asLong());
        return service;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
