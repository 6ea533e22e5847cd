package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.query.ReadModel;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Lineage and filtered lists on a namespace of 100,000 collections, and a namespace clone of 1,000, on
 * the embedded PostgreSQL 17 server, with the service in this JVM. Every figure stands next to a
 * baseline measured in the same run on the same tables: for a read, the best hand-written SQL for the
 * same answer (plain JDBC on the service's own DataSource); for a write, raw JDBC inserts of as many
 * rows. Not part of the test suite (its name): run it with the {@code scale-benchmark} profile. Prints
 * Markdown and writes it to target/scale-benchmark.md.
 *
 * <p>The collections are not created over HTTP (about 50 a second): their events are appended to the
 * service's event store in batches, through its own {@link EventStore} in a unit of work, so the
 * service's serializer writes them and its directory projection runs in the same transaction, as for a
 * command. Each event is a copy of a real one, made over HTTP first, with a new ID, name, clone link
 * and time. The read model is stopped meanwhile, then started and timed while it catches up.
 */
class ScaleBenchmark {

    private static final String KEY = "sk_bench_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int COLLECTIONS = Integer.getInteger("scale.collections", 100_000);
    private static final int CHAIN_DEPTH = Integer.getInteger("scale.chain-depth", COLLECTIONS / 10);
    private static final int REPETITIONS = Integer.getInteger("scale.repetitions", 50);
    private static final int WARMUP = Integer.getInteger("scale.warmup", 10);
    private static final int BATCH = Integer.getInteger("scale.batch", 200);
    private static final int CLONED_NAMESPACE = Integer.getInteger("scale.namespace-clone-collections", 1_000);
    private static final int PAGE = 100;
    /** The lineage route's default max_depth. */
    private static final int MAX_DEPTH = 100;
    /** Lineage keeps at most this many ancestors of a collection in a clone event. */
    private static final int ANCESTRY = 100;
    private static final double TARGET_MS = 20;
    /** With {@code -Dscale.explain=true}: the plans of every statement of each read, service and hand SQL. */
    private static final boolean EXPLAIN = Boolean.getBoolean("scale.explain");
    /** With {@code -Dscale.lineage-only=true}: the lineage reads alone (no namespace clone, no lists), to iterate. */
    private static final boolean LINEAGE_ONLY = Boolean.getBoolean("scale.lineage-only");
    /** With {@code -Dscale.catch-up-only=true}: only the seeding and its catch-up, no namespace clone, no reads. */
    private static final boolean CATCH_UP_ONLY = Boolean.getBoolean("scale.catch-up-only");
    /** With {@code -Dscale.count-statements=true}: the read model's statements and commits during the catch-up. */
    private static final boolean COUNT_STATEMENTS = Boolean.getBoolean("scale.count-statements");
    private static final String ARTICLE_SCHEMA = "{\"properties\":{\"title\":{\"type\":\"string\"},\"content\":{\"type\":\"text\"}}}";

    @TempDir
    Path workDir;

    private final List<String> latencyRows = new ArrayList<>();
    private final List<String> throughputRows = new ArrayList<>();
    private final StatementCapture capture = new StatementCapture();
    private final StringBuilder plans = new StringBuilder();
    private String loadAtStart;

    @Test
    void run() throws Exception {
        loadAtStart = loadAverage();
        Map<String, String> store = TestDatabase.freshPostgresDatabase();
        String url = store.get("spring.datasource.url");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.bootstrap-api-key=" + KEY,
                "--ledger.data-dir=" + workDir, "--logging.level.root=WARN",
                "--ledger.rate-limit.requests-per-second=0"));
        store.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        SpringApplicationBuilder application = new SpringApplicationBuilder(LedgerApplication.class);
        if (EXPLAIN || COUNT_STATEMENTS) {
            application.initializers(c -> c.getBeanFactory().addBeanPostProcessor(capture));
        }
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            Service service = new Service(context, COUNT_STATEMENTS ? capture : null);
            createRawTables(service.dataSource);
            if (!LINEAGE_ONLY && !CATCH_UP_ONLY) {
                namespaceClone(service);
            }
            Scale scale = seedScale(service, url);
            if (!CATCH_UP_ONLY) {
                vacuumAnalyze(service.dataSource);
                measureReads(service, scale);
            }
        }
        String report = String.format(Locale.ROOT, """
                %d collections in one namespace (a wide clone tree of %d below its root, a chain %d deep), PostgreSQL %s;
                load average at the start: %s, at the end: %s. Reads: %d repetitions after %d of warm-up, service and hand
                SQL alternating; the hand SQL is the fastest of the candidates named, on the same tables and DataSource.

                | read | service p50 / p99 | best hand SQL p50 / p99 | service / hand SQL (p50) | under %.0f ms (p50) | within 2x (p50) |
                |---|---|---|---|---|---|
                %s

                | write | result | baseline (same run) | ratio |
                |---|---|---|---|
                %s
                """, COLLECTIONS, wideSize(), CHAIN_DEPTH, postgresVersion, loadAtStart, loadAverage(), REPETITIONS,
                WARMUP, TARGET_MS, String.join("\n", latencyRows), String.join("\n", throughputRows));
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "scale-benchmark.md"), report);
        if (EXPLAIN) {
            Files.writeString(Path.of("target", "scale-explain.md"), plans);
        }
    }

    private static String postgresVersion = "?";

    // ---------------------------------------------------------------------------------------------
    // The service in this JVM, and what the benchmark takes from it

    private static final class Service {
        final HttpApi admin;
        final RawHttp raw;
        final EventStore events;
        final TransactionManager transactions;
        final DataSource dataSource;
        final CommandGateway commands;
        final PooledStreamingEventProcessor readModel;
        final org.axonframework.queryhandling.QueryGateway queries;
        final com.fasterxml.jackson.databind.ObjectMapper json;
        /** Counts the catch-up's statements when set. */
        final StatementCapture counter;

        Service(ConfigurableApplicationContext context, StatementCapture counter) {
            this.counter = counter;
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            admin = new HttpApi(port, KEY);
            raw = new RawHttp(port);
            events = context.getBean(EventStore.class);
            transactions = context.getBean(TransactionManager.class);
            dataSource = context.getBean(DataSource.class);
            commands = context.getBean(CommandGateway.class);
            readModel = context.getBean(org.axonframework.config.Configuration.class).eventProcessingConfiguration()
                    .eventProcessor(ReadModel.PROCESSING_GROUP, PooledStreamingEventProcessor.class).orElseThrow();
            queries = context.getBean(org.axonframework.queryhandling.QueryGateway.class);
            json = context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
        }

        /** The first event of an aggregate as the service stored it: the template of the copies. */
        DomainEventMessage<?> firstEvent(String aggregateId) {
            return events.readEvents(aggregateId).asStream().findFirst().orElseThrow();
        }

        /** Appends the events in batches, each batch one unit of work and transaction, as a command's. */
        void append(List<DomainEventMessage<?>> messages) {
            for (int from = 0; from < messages.size(); from += BATCH) {
                List<DomainEventMessage<?>> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactions);
                unitOfWork.execute(() -> events.publish(batch));
            }
        }

        long count(String sql, Object... args) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, args);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        /** Stops the read model, appends, starts it again: how long the append took, and the read model to show it. */
        Seeded appendThenCatchUp(List<DomainEventMessage<?>> messages, String namespaceId, long expectedCollections,
                                 String what) throws Exception {
            readModel.shutDown();
            long start = System.nanoTime();
            append(messages);
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            long inDirectory = count("SELECT COUNT(*) FROM dir_collection WHERE namespace_id = ?", namespaceId);
            if (inDirectory != expectedCollections) {
                throw new IllegalStateException(what + ": " + inDirectory + " collections in the directory, expected "
                        + expectedCollections);
            }
            if (counter != null) {
                counter.start();
            }
            start = System.nanoTime();
            readModel.start();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    count("SELECT COUNT(*) FROM view_collection WHERE namespace_id = ?", namespaceId)
                            == expectedCollections);
            double catchUpSeconds = (System.nanoTime() - start) / 1e9;
            if (counter != null) {
                printCounts(what, messages.size(), counter.stop(), counter.commits());
            }
            System.out.printf(Locale.ROOT, "%s: %d events appended in %.1f s, projected in %.1f s%n", what,
                    messages.size(), appendSeconds, catchUpSeconds);
            return new Seeded(messages.size(), appendSeconds, catchUpSeconds);
        }
    }

    private record Seeded(int events, double appendSeconds, double catchUpSeconds) {
    }

    /** Statements (a batch counts once: one round trip) and commits per event, by SQL, most frequent first. */
    private static void printCounts(String what, int events, List<StatementCapture.Executed> executed, long commits) {
        Map<String, Long> bySql = new LinkedHashMap<>();
        for (StatementCapture.Executed statement : executed) {
            bySql.merge(statement.sql().replaceAll("\\s+", " ").trim(), 1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "%s: %d statements (%.2f per event), %d commits (%.3f per event)%n", what,
                executed.size(), executed.size() / (double) events, commits, commits / (double) events);
        bySql.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry ->
                System.out.printf(Locale.ROOT, "  %8d  %.3f/event  %s%n", entry.getValue(),
                        entry.getValue() / (double) events, entry.getKey().length() > 160
                                ? entry.getKey().substring(0, 160) + "..." : entry.getKey()));
    }

    /** Timed HTTP calls: the body is read whole but not parsed, so the client's JSON is not counted. */
    private record RawHttp(HttpClient client, String base) {

        RawHttp(int port) {
            this(HttpClient.newHttpClient(), "http://localhost:" + port);
        }

        void call(String namespace, String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + KEY).header("X-Namespace", namespace)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Namespace clone of 1,000 collections

    private void namespaceClone(Service service) throws Exception {
        HttpApi api = namespace(service.admin, "clone-source", List.of("text_extractor"));
        String bucket = bucket(api, "articles", ARTICLE_SCHEMA);
        String namespaceId = service.admin.get("/v1/namespaces/clone-source").text("namespace_id");
        String first = ok(api.post("/v1/collections", LedgerHttpTest.textCollection("source-0", bucket)))
                .text("collection_id");
        String firstClone = ok(api.post("/v1/collections/source-0/clone", Map.of("collection_name", "copy-0")))
                .text("collection.collection_id");
        DomainEventMessage<?> created = service.firstEvent(first);
        DomainEventMessage<?> cloned = service.firstEvent(firstClone);
        // Half read a bucket, half are clones of one of those.
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        Instant at = Instant.now();
        int sources = CLONED_NAMESPACE / 2;
        for (int i = 1; i < sources; i++) {
            String id = Ids.next("col_");
            messages.add(created(created, id, "source-" + i, at.plusMillis(i)));
            messages.add(cloned(cloned, Ids.next("col_"), "copy-" + i, id, "source-" + i, id, 1,
                    at.plusMillis(sources + i), List.of(id)));
        }
        service.appendThenCatchUp(messages, namespaceId, CLONED_NAMESPACE, "namespace to clone");

        long before = service.count("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        long start = System.nanoTime();
        service.commands.sendAndWait(new CloneNamespaceCommand(namespaceId, Ids.next("ns_"), "clone-by-command", null,
                true));
        double commandMs = (System.nanoTime() - start) / 1e6;
        List<EventRow> rows = eventRows(service.dataSource, before);
        awaitCollections(service.admin.inNamespace("clone-by-command"), CLONED_NAMESPACE);

        start = System.nanoTime();
        HttpApi.Response response = service.admin.inNamespace("clone-source").post("/v1/namespaces/clone-source/clone",
                Map.of("namespace_name", "clone-by-http"));
        double httpMs = (System.nanoTime() - start) / 1e6;
        if (response.status() != 200 || response.at("cloned_resources.collections").asInt() != CLONED_NAMESPACE) {
            throw new IllegalStateException("namespace clone: " + response);
        }
        String status = response.header("X-Read-Model-Status");
        awaitCollections(service.admin.inNamespace("clone-by-http"), CLONED_NAMESPACE);

        double rawMs = rawEventInserts(service.dataSource, rows, rows.size()) * 1e3;
        throughputRows.add(String.format(Locale.ROOT, "| namespace clone of %d collections, the command (one "
                        + "transaction, %d events) | %.0f ms | raw JDBC batch insert of the same %d event rows, one "
                        + "transaction: %.0f ms | %.1f%% |", CLONED_NAMESPACE, rows.size(), commandMs, rows.size(),
                rawMs, 100 * rawMs / commandMs));
        throughputRows.add(String.format(Locale.ROOT, "| namespace clone of %d collections over HTTP, until the "
                        + "read model shows them (answered `%s`) | %.0f ms | the same raw insert: %.0f ms | %.1f%% |",
                CLONED_NAMESPACE, status, httpMs, rawMs, 100 * rawMs / httpMs));
    }

    private static void awaitCollections(HttpApi namespace, int count) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                namespace.post("/v1/collections/list", Map.of()).at("total_count").asInt() == count);
    }

    // ---------------------------------------------------------------------------------------------
    // 100,000 collections: the shape and the seeding

    /** What a collection's configuration is: each a real clone of the wide tree's root, made over HTTP. */
    private enum Variant {
        /** text_extractor on the bucket "articles", taxonomy tax_common: most of them. */
        COMMON,
        /** Also the bucket "reviews" and taxonomy tax_topics: 10% of the leaves. */
        TOPICS,
        /** multimodal_extractor on the bucket "videos", no taxonomy: 1%. */
        VIDEO,
        /** The bucket "archive" and taxonomy tax_rare: 0.1%. */
        ARCHIVE
    }

    /** One collection of the namespace: {@code parent} is the index of its source, -1 for a created one. */
    private record Node(String id, String name, int parent, int generation, Variant variant) {
    }

    private record Scale(String namespaceId, List<Node> nodes, int wideRoot, int deepest, Map<String, String> buckets,
                         int wideDescendants) {
    }

    private static int wideSize() {
        return COLLECTIONS - CHAIN_DEPTH - 2;
    }

    private Scale seedScale(Service service, String url) throws Exception {
        HttpApi api = namespace(service.admin, "scale", List.of("text_extractor", "multimodal_extractor"));
        String namespaceId = service.admin.get("/v1/namespaces/scale").text("namespace_id");
        Map<String, String> buckets = new LinkedHashMap<>();
        for (String name : List.of("articles", "reviews", "archive")) {
            buckets.put(name, bucket(api, name, ARTICLE_SCHEMA));
        }
        buckets.put("videos", bucket(api, "videos", "{\"properties\":{\"video\":{\"type\":\"video\"}}}"));

        Map<String, Object> rootBody = new LinkedHashMap<>(LedgerHttpTest.textCollection("wide-root", buckets.get("articles")));
        rootBody.put("taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_common")));
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(ok(api.post("/v1/collections", rootBody)).text("collection_id"), "wide-root", -1, 0, Variant.COMMON));
        rootBody.put("collection_name", "chain-root");
        nodes.add(new Node(ok(api.post("/v1/collections", rootBody)).text("collection_id"), "chain-root", -1, 0, Variant.COMMON));

        // One real clone of the root per variant: the templates, and the first of the root's clones.
        Map<Variant, DomainEventMessage<?>> templates = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            String name = "template-" + variant.name().toLowerCase(Locale.ROOT);
            Map<String, Object> body = new LinkedHashMap<>(overrides(variant, buckets));
            body.put("collection_name", name);
            String id = ok(api.post("/v1/collections/wide-root/clone", body)).text("collection.collection_id");
            nodes.add(new Node(id, name, 0, 1, variant));
            templates.put(variant, service.firstEvent(id));
        }
        int existing = nodes.size();

        // The wide tree: three levels below the root with the same fan-out f (f, f*f, the rest round-robin
        // under the second level); then a chain below the chain root.
        int wideSeeded = wideSize() - Variant.values().length;
        int fanOut = Math.max(2, (int) Math.round(Math.cbrt(wideSeeded)));
        List<Integer> level1 = new ArrayList<>();
        List<Integer> level2 = new ArrayList<>();
        for (int i = 0; i < fanOut; i++) {
            level1.add(add(nodes, "w1-" + i, 0, Variant.COMMON));
        }
        for (int i = 0; i < fanOut * fanOut; i++) {
            level2.add(add(nodes, "w2-" + i, level1.get(i / fanOut), Variant.COMMON));
        }
        Random random = new Random(42);
        int leaves = wideSeeded - level1.size() - level2.size();
        for (int i = 0; i < leaves; i++) {
            double r = random.nextDouble();
            Variant variant = r < 0.001 ? Variant.ARCHIVE : r < 0.011 ? Variant.VIDEO : r < 0.111 ? Variant.TOPICS
                    : Variant.COMMON;
            add(nodes, "w3-" + i, level2.get(i % level2.size()), variant);
        }
        int parent = 1;
        for (int i = 1; i <= CHAIN_DEPTH; i++) {
            parent = add(nodes, "chain-" + i, parent, Variant.COMMON);
        }
        if (nodes.size() != COLLECTIONS) {
            throw new IllegalStateException("planned " + nodes.size() + " collections, not " + COLLECTIONS);
        }

        List<DomainEventMessage<?>> messages = new ArrayList<>(nodes.size());
        Instant at = Instant.now();
        for (int i = existing; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            Node source = nodes.get(node.parent());
            messages.add(cloned(templates.get(node.variant()), node.id(), node.name(), source.id(), source.name(),
                    root(nodes, i).id(), node.generation(), at.plusMillis(i), ancestry(nodes, i)));
        }
        Seeded seeded = service.appendThenCatchUp(messages, namespaceId, COLLECTIONS, "scale namespace");

        List<EventRow> sample = eventRows(service.dataSource,
                service.count("SELECT MAX(global_index) FROM domain_event_entry") - Math.min(10_000, messages.size()));
        double rawSeconds = rawEventInserts(service.dataSource, sample, BATCH);
        double rawRate = sample.size() / rawSeconds;
        double appendRate = seeded.events() / seeded.appendSeconds();
        throughputRows.add(String.format(Locale.ROOT, "| bulk append of %d clone events through the service's "
                        + "EventStore, %d per unit of work (directory projection included) | %.0f events/s | raw JDBC "
                        + "batch insert of %d of the same event rows, %d per transaction: %.0f rows/s | %.1f%% |",
                messages.size(), BATCH, appendRate, sample.size(), BATCH, rawRate, 100 * appendRate / rawRate));
        double catchUpRate = seeded.events() / seeded.catchUpSeconds();
        double ceiling = LedgerBenchmark.rawReadModelWrites(url);
        throughputRows.add(String.format(Locale.ROOT, "| read-model catch-up on %d events (processor started after "
                        + "the append) | %.0f events/s | raw upsert + token update, 100 per transaction: %.0f events/s "
                        + "| %.1f%% |", messages.size(), catchUpRate, ceiling, 100 * catchUpRate / ceiling));
        return new Scale(namespaceId, nodes, 0, nodes.size() - 1, buckets, wideSize());
    }

    private static int add(List<Node> nodes, String name, int parent, Variant variant) {
        nodes.add(new Node(Ids.next("col_"), name, parent, nodes.get(parent).generation() + 1, variant));
        return nodes.size() - 1;
    }

    private static Node root(List<Node> nodes, int index) {
        Node node = nodes.get(index);
        while (node.parent() >= 0) {
            node = nodes.get(node.parent());
        }
        return node;
    }

    /** The source's ID first, then its source's, ... at most {@link #ANCESTRY}. */
    private static List<String> ancestry(List<Node> nodes, int index) {
        List<String> ids = new ArrayList<>();
        for (int at = nodes.get(index).parent(); at >= 0 && ids.size() < ANCESTRY; at = nodes.get(at).parent()) {
            ids.add(nodes.get(at).id());
        }
        return ids;
    }

    /** The clone request's overrides that give the variant's configuration to a clone of the root. */
    private static Map<String, Object> overrides(Variant variant, Map<String, String> buckets) {
        return switch (variant) {
            case COMMON -> Map.of();
            case TOPICS -> Map.of("source", Map.of("type", "bucket", "bucket_ids",
                            List.of(buckets.get("articles"), buckets.get("reviews"))),
                    "taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_common"), Map.of("taxonomy_id", "tax_topics")));
            case VIDEO -> Map.of("source", Map.of("type", "bucket", "bucket_ids", List.of(buckets.get("videos"))),
                    "feature_extractor", Map.of("feature_extractor_name", "multimodal_extractor", "version", "v1",
                            "input_mappings", Map.of("video", "video")),
                    "taxonomy_applications", List.of());
            case ARCHIVE -> Map.of("source", Map.of("type", "bucket", "bucket_ids", List.of(buckets.get("archive"))),
                    "taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_rare")));
        };
    }

    /** A copy of a real CollectionCreated: another collection with the same configuration. */
    private static DomainEventMessage<?> created(DomainEventMessage<?> template, String id, String name, Instant at) {
        CollectionCreated real = (CollectionCreated) template.getPayload();
        return message(template, id, new CollectionCreated(id, real.namespaceId(), name, real.config(), real.schemas(), at), at);
    }

    /**
     * A copy of a real CollectionCloned (its configuration, overridden fields and schemas) as a clone of
     * another source. {@code ancestry} is for the event's ancestry, when it records one.
     */
    private static DomainEventMessage<?> cloned(DomainEventMessage<?> template, String id, String name, String sourceId,
                                                String sourceName, String rootId, int generation, Instant at,
                                                List<String> ancestry) {
        CollectionCloned real = (CollectionCloned) template.getPayload();
        return message(template, id, new CollectionCloned(id, sourceId, sourceName, real.sourceVersion(), rootId,
                generation, real.namespaceId(), name, real.config(), real.overriddenFields(), real.schemas(), at,
                ancestry), at);
    }

    private static DomainEventMessage<?> message(DomainEventMessage<?> template, String id, Object payload, Instant at) {
        return new GenericDomainEventMessage<>(template.getType(), id, 0L, payload, template.getMetaData(),
                UUID.randomUUID().toString(), at);
    }

    // ---------------------------------------------------------------------------------------------
    // Reads: lineage and filtered lists, each against the best hand SQL for the same answer

    private void measureReads(Service service, Scale scale) throws Exception {
        boolean closure = service.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'view_lineage'") > 0;
        String namespaceId = scale.namespaceId();
        Node wideRoot = scale.nodes().get(scale.wideRoot());
        Node deepest = scale.nodes().get(scale.deepest());
        Node leaf = scale.nodes().get(scale.nodes().size() - CHAIN_DEPTH - 1);

        // The floor of an HTTP read: one collection by ID.
        compare(service, "one collection by ID (`GET /v1/collections/{id}`): the floor of a read over HTTP",
                "GET", "/v1/collections/" + leaf.id(), null, response -> List.of(response.text("collection_id")),
                List.of(new HandSql("view row by key", connection -> query(connection,
                        "SELECT collection_id, document FROM view_collection WHERE namespace_id = ? AND collection_id = ?"
                                + " AND NOT deleted", namespaceId, leaf.id()))));

        // Lineage: the first page of the root's descendants.
        String descendants = "/v1/collections/" + wideRoot.id() + "/lineage?direction=descendants";
        HttpApi scaleApi = service.admin.inNamespace("scale");
        boolean withTotal = ok(scaleApi.get(descendants + "&limit=" + PAGE)).at("descendants.total_count").isNumber();
        compare(service, "lineage: first page of " + PAGE + " of the root's " + scale.wideDescendants()
                        + " descendants" + (withTotal ? " (with total)" : ""), "GET", descendants + "&limit=" + PAGE,
                null, ScaleBenchmark::descendantIds,
                descendantCandidates(wideRoot.id(), withTotal, closure, 0, null));

        // A page in the middle, reached by following next_cursor (pages of 1,000 up to there).
        int middle = scale.wideDescendants() / 2 / 1000 * 1000;
        String cursor = null;
        JsonNode last = null;
        for (int offset = 0; offset < middle; ) {
            HttpApi.Response page = ok(scaleApi.get(descendants + "&limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            JsonNode results = page.at("descendants.results");
            last = results.get(results.size() - 1);
            cursor = page.text("descendants.pagination.next_cursor");
            offset += results.size();
        }
        Object[] after = {depthOf(last), last.path("collection_id").asText()};
        compare(service, "lineage: page of " + PAGE + " at descendant " + middle + " by cursor"
                        + (withTotal ? " (with total)" : ""), "GET",
                descendants + "&limit=" + PAGE + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), null,
                ScaleBenchmark::descendantIds, descendantCandidates(wideRoot.id(), withTotal, closure, middle, after));

        // The ancestors of the chain's deepest collection: max_depth 100 of its 10,000.
        compare(service, "lineage: ancestors of the chain's deepest (generation " + deepest.generation() + ", max_depth "
                        + MAX_DEPTH + ")", "GET", "/v1/collections/" + deepest.id() + "/lineage?direction=ancestors",
                null, response -> ids(response.at("ancestors.results")), ancestorCandidates(deepest.id(), closure));

        if (EXPLAIN) {
            String ns = scale.namespaceId();
            parts(service, "lineage: first page", descendants + "&limit=" + PAGE, new com.collectionledger.api.query
                    .CollectionLineageQuery(ns, wideRoot.id(), false, true, MAX_DEPTH, 0, PAGE, List.of("*"), null, false));
            parts(service, "lineage: page at descendant " + middle + " by cursor",
                    descendants + "&limit=" + PAGE + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    new com.collectionledger.api.query.CollectionLineageQuery(ns, wideRoot.id(), false, true, MAX_DEPTH,
                            0, PAGE, List.of("*"), new com.collectionledger.api.query.CollectionLineage.Position(
                            (Integer) after[0], (String) after[1]), false));
            parts(service, "lineage: ancestors of the deepest", "/v1/collections/" + deepest.id()
                    + "/lineage?direction=ancestors", new com.collectionledger.api.query.CollectionLineageQuery(ns,
                    deepest.id(), true, false, MAX_DEPTH, 0, PAGE, List.of("*"), null, false));
        }

        if (LINEAGE_ONLY) {
            return;
        }
        // Filtered lists, a page of 100 each.
        long total = scale.nodes().size();
        Map<String, Long> byVariant = new LinkedHashMap<>();
        for (Node node : scale.nodes()) {
            byVariant.merge(node.variant().name(), 1L, Long::sum);
        }
        long video = byVariant.getOrDefault("VIDEO", 0L);
        long archive = byVariant.getOrDefault("ARCHIVE", 0L);
        long topics = byVariant.getOrDefault("TOPICS", 0L);
        list(service, namespaceId, null, null, total, total);
        list(service, namespaceId, "feature_extractor.feature_extractor_id", "multimodal_extractor_v1", video, total);
        list(service, namespaceId, "feature_extractor.feature_extractor_id", "text_extractor_v1", total - video, total);
        list(service, namespaceId, "feature_extractor.feature_extractor_name", "multimodal_extractor", video, total);
        list(service, namespaceId, "feature_extractor.feature_extractor_name", "text_extractor", total - video, total);
        list(service, namespaceId, "source.bucket_ids", scale.buckets().get("archive"), archive, total);
        list(service, namespaceId, "source.bucket_ids", scale.buckets().get("articles"), total - video - archive, total);
        list(service, namespaceId, "taxonomy_applications.taxonomy_id", "tax_rare", archive, total);
        list(service, namespaceId, "taxonomy_applications.taxonomy_id", "tax_topics", topics, total);
        list(service, namespaceId, "taxonomy_applications.taxonomy_id", "tax_common", total - video - archive, total);
    }

    private static Object depthOf(JsonNode entry) {
        return entry.has("depth") ? entry.path("depth").asInt() : entry.path("distance").asInt();
    }

    private static List<String> descendantIds(HttpApi.Response response) {
        List<String> ids = ids(response.at("descendants.results"));
        JsonNode total = response.at("descendants.total_count");
        if (total.isNumber()) {
            ids.add("total=" + total.asLong());
        }
        return ids;
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(entry -> ids.add(entry.path("collection_id").asText()));
        return ids;
    }

    /**
     * The root's descendants ordered by (depth, ID), a page of them from {@code offset} (or after the row
     * {@code after}), with the flag whether the cap cut the tree, and the total when the service gives one.
     */
    private static List<HandSql> descendantCandidates(String rootId, boolean withTotal, boolean closure, int offset,
                                                      Object[] after) {
        List<HandSql> candidates = new ArrayList<>();
        candidates.add(new HandSql("recursive CTE down `cloned_from`", connection -> {
            query(connection, "SELECT collection_id, document FROM view_collection WHERE collection_id = ?", rootId);
            String sql = """
                    WITH RECURSIVE tree (collection_id, parent_id, depth) AS (
                        SELECT collection_id, CAST(NULL AS VARCHAR(32)), 0 FROM view_collection WHERE collection_id = ?
                        UNION ALL
                        SELECT c.collection_id, tree.collection_id, tree.depth + 1
                        FROM tree JOIN view_collection c ON c.cloned_from = tree.collection_id WHERE tree.depth < ?)
                    SELECT p.collection_id, p.total, p.cut, p.depth, p.parent_id, v.collection_name, v.generation,
                           v.deleted, v.document
                    FROM (SELECT depth, collection_id, parent_id, COUNT(*) OVER () AS total,
                                 MAX(CASE WHEN depth = ? AND EXISTS (SELECT 1 FROM view_collection d
                                     WHERE d.cloned_from = tree.collection_id) THEN 1 ELSE 0 END) OVER () AS cut
                          FROM tree WHERE depth > 0 ORDER BY depth, collection_id LIMIT ? OFFSET ?) p
                    JOIN view_collection v ON v.collection_id = p.collection_id
                    ORDER BY p.depth, p.collection_id""";
            List<String> rows = new ArrayList<>();
            long[] total = new long[1];
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, rootId, MAX_DEPTH, MAX_DEPTH, PAGE, offset);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                        total[0] = rs.getLong(2);
                        readAll(rs);
                    }
                }
            }
            if (withTotal) {
                rows.add("total=" + total[0]);
            }
            return rows;
        }));
        // A root's descendants are the rows that name it as their root, at depth = generation.
        candidates.add(new HandSql("root's rows by `root_collection_id`, depth = generation", connection -> {
            query(connection, "SELECT collection_id, document FROM view_collection WHERE collection_id = ?", rootId);
            List<String> rows = new ArrayList<>(query(connection, """
                    SELECT collection_id, generation, cloned_from, collection_name, deleted, document FROM view_collection
                    WHERE root_collection_id = ? AND generation BETWEEN 1 AND ?
                    ORDER BY generation, collection_id LIMIT ? OFFSET ?""", rootId, MAX_DEPTH, PAGE, offset));
            query(connection, "SELECT COUNT(*) FROM view_collection WHERE root_collection_id = ? AND generation = ?",
                    rootId, MAX_DEPTH + 1);
            if (withTotal) {
                rows.addAll(query(connection, "SELECT 'total=' || COUNT(*) FROM view_collection"
                        + " WHERE root_collection_id = ? AND generation BETWEEN 1 AND ?", rootId, MAX_DEPTH));
            }
            return rows;
        }));
        if (closure) {
            candidates.add(new HandSql("closure table `view_lineage`" + (after == null ? "" : ", keyset"), connection -> {
                query(connection, "SELECT collection_id, document FROM view_collection WHERE collection_id = ?", rootId);
                String page = """
                        SELECT l.descendant_id, l.distance, v.cloned_from, v.collection_name, v.generation, v.deleted,
                               v.namespace_id, v.cloned_from_version, v.cloned_at
                        FROM view_lineage l JOIN view_collection v ON v.collection_id = l.descendant_id
                        WHERE l.ancestor_id = ? AND l.distance BETWEEN 1 AND ?%s
                        ORDER BY l.distance, l.descendant_id LIMIT ?""";
                List<String> rows = new ArrayList<>(after == null
                        ? query(connection, page.formatted(""), rootId, MAX_DEPTH, PAGE)
                        : query(connection, page.formatted(" AND (l.distance, l.descendant_id) > (?, ?)"), rootId,
                        MAX_DEPTH, after[0], after[1], PAGE));
                query(connection, "SELECT COUNT(*) FROM (SELECT 1 FROM view_lineage WHERE ancestor_id = ? AND distance = ?"
                        + " LIMIT 1) cut", rootId, MAX_DEPTH + 1);
                if (withTotal) {
                    rows.addAll(query(connection, "SELECT 'total=' || COUNT(*) FROM view_lineage"
                            + " WHERE ancestor_id = ? AND distance BETWEEN 1 AND ?", rootId, MAX_DEPTH));
                }
                return rows;
            }));
        }
        return candidates;
    }

    /** The chain above a collection, nearest first, up to the cap, each with its row. */
    private static List<HandSql> ancestorCandidates(String id, boolean closure) {
        List<HandSql> candidates = new ArrayList<>();
        candidates.add(new HandSql("recursive CTE up the primary key", connection -> {
            query(connection, "SELECT collection_id, cloned_from, document FROM view_collection WHERE collection_id = ?", id);
            return query(connection, """
                    WITH RECURSIVE chain (collection_id, cloned_from, depth) AS (
                        SELECT c.collection_id, c.cloned_from, 1 FROM view_collection c
                        WHERE c.collection_id = (SELECT cloned_from FROM view_collection WHERE collection_id = ?)
                        UNION ALL
                        SELECT up.collection_id, up.cloned_from, chain.depth + 1
                        FROM chain JOIN view_collection up ON up.collection_id = chain.cloned_from
                        WHERE chain.depth < ?)
                    SELECT chain.collection_id, chain.depth, chain.cloned_from, v.namespace_id, v.collection_name,
                           v.generation, v.deleted, v.document
                    FROM chain JOIN view_collection v ON v.collection_id = chain.collection_id
                    ORDER BY chain.depth""", id, MAX_DEPTH);
        }));
        if (closure) {
            candidates.add(new HandSql("closure table `view_lineage`", connection -> {
                query(connection, "SELECT collection_id, cloned_from, document FROM view_collection WHERE collection_id = ?", id);
                return query(connection, """
                        SELECT l.ancestor_id, l.distance, v.cloned_from, v.namespace_id, v.collection_name, v.generation,
                               v.deleted, v.cloned_from_version, v.cloned_at
                        FROM view_lineage l JOIN view_collection v ON v.collection_id = l.ancestor_id
                        WHERE l.descendant_id = ? AND l.distance BETWEEN 1 AND ?
                        ORDER BY l.distance""", id, MAX_DEPTH);
            }));
        }
        return candidates;
    }

    /**
     * POST /v1/collections/list?limit=100 with one condition (none when {@code field} is null), against its
     * page and count by hand.
     */
    private void list(Service service, String namespaceId, String field, String value, long expected, long of)
            throws Exception {
        String body = field == null ? "{}" : HttpApi.JSON.writeValueAsString(Map.of("filters", Map.of("AND",
                List.of(Map.of("field", field, "operator", "eq", "value", value)))));
        String where;
        Object[] args;
        if (field == null) {
            where = "TRUE";
            args = new Object[]{namespaceId};
        } else if (field.equals("feature_extractor.feature_extractor_id")) {
            where = "t.feature_extractor_id = ?";
            args = new Object[]{namespaceId, value};
        } else {
            where = "EXISTS (SELECT 1 FROM view_field_value f WHERE f.owner_id = t.collection_id AND f.path = ?"
                    + " AND f.text_key = ?)";
            args = new Object[]{namespaceId, field, value.toLowerCase(Locale.ROOT)};
        }
        String scope = " FROM view_collection t WHERE t.namespace_id = ? AND NOT t.deleted AND " + where;
        Object[] pageArgs = Arrays.copyOf(args, args.length + 1);
        pageArgs[args.length] = PAGE;
        HandSql hand = new HandSql("page by the default sort, and count", connection -> {
            List<String> rows = new ArrayList<>(query(connection, "SELECT t.collection_id, t.document" + scope
                    + " ORDER BY t.created_at, t.collection_id LIMIT ?", pageArgs));
            rows.addAll(query(connection, "SELECT 'total=' || COUNT(*)" + scope, args));
            return rows;
        });
        String shown = field == null ? "list, no filter" : String.format(Locale.ROOT, "list, `%s` eq %s", field,
                field.equals("source.bucket_ids") ? "bucket " + bucketName(value) : value);
        compare(service, String.format(Locale.ROOT, "%s: %d of %d (%.1f%%)", shown, expected, of,
                        100.0 * expected / of), "POST", "/v1/collections/list?limit=" + PAGE, body,
                response -> {
                    List<String> ids = ids(response.at("results"));
                    ids.add("total=" + response.at("total_count").asLong());
                    return ids;
                }, List.of(hand));
    }

    private final Map<String, String> bucketNames = new LinkedHashMap<>();

    private String bucketName(String id) {
        return bucketNames.getOrDefault(id, id);
    }

    interface Answer {
        List<String> of(HttpApi.Response response);
    }

    interface SqlWork {
        List<String> run(Connection connection) throws SQLException;
    }

    private record HandSql(String name, SqlWork work) {
    }

    /**
     * Checks that the service and each hand SQL candidate give the same answer (IDs in order, and the total
     * where there is one), then times them alternating, and adds a row with the fastest candidate.
     */
    private void compare(Service service, String measure, String method, String path, String body, Answer answer,
                         List<HandSql> candidates) throws Exception {
        HttpApi scale = service.admin.inNamespace("scale");
        HttpApi.Response response = ok(scale.send(method, path, body));
        List<String> expected = answer.of(response);
        for (HandSql candidate : candidates) {
            List<String> ids = withConnection(service.dataSource, candidate.work());
            if (!ids.equals(expected)) {
                throw new IllegalStateException(measure + ": hand SQL '" + candidate.name() + "' answers " + head(ids)
                        + ", the service " + head(expected));
            }
        }
        if (EXPLAIN) {
            explain(service, measure, "service", () -> service.raw.call("scale", method, path, body));
            for (HandSql candidate : candidates) {
                explain(service, measure, "hand SQL: " + candidate.name(),
                        () -> withConnection(service.dataSource, candidate.work()));
            }
        }
        for (int i = 0; i < WARMUP; i++) {
            service.raw.call("scale", method, path, body);
            for (HandSql candidate : candidates) {
                withConnection(service.dataSource, candidate.work());
            }
        }
        double[] serviceMs = new double[REPETITIONS];
        double[][] handMs = new double[candidates.size()][REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            service.raw.call("scale", method, path, body);
            serviceMs[i] = (System.nanoTime() - start) / 1e6;
            for (int c = 0; c < candidates.size(); c++) {
                start = System.nanoTime();
                withConnection(service.dataSource, candidates.get(c).work());
                handMs[c][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        int best = 0;
        for (int c = 1; c < candidates.size(); c++) {
            if (percentile(handMs[c], 50) < percentile(handMs[best], 50)) {
                best = c;
            }
        }
        double service50 = percentile(serviceMs, 50);
        double hand50 = percentile(handMs[best], 50);
        StringBuilder others = new StringBuilder();
        for (int c = 0; c < candidates.size(); c++) {
            if (c != best) {
                others.append(String.format(Locale.ROOT, "; %s: %.2f ms", candidates.get(c).name(),
                        percentile(handMs[c], 50)));
            }
        }
        latencyRows.add(String.format(Locale.ROOT, "| %s | %.2f / %.2f ms | %.2f / %.2f ms (%s%s) | %.2fx | %s | %s |",
                measure, service50, percentile(serviceMs, 99), hand50, percentile(handMs[best], 99),
                candidates.get(best).name(), others, service50 / hand50, service50 < TARGET_MS ? "yes" : "**no**",
                service50 <= 2 * hand50 ? "yes" : "**no**"));
        System.out.println(latencyRows.get(latencyRows.size() - 1));
    }

    /**
     * The parts of one lineage request, each timed alone (p50 of the repetitions): the whole request over HTTP,
     * the query through the QueryGateway (dispatch, SQL, visibility, mapping), the service's statements alone
     * (as captured, re-run in order on one connection), and the answer's JSON.
     */
    private void parts(Service service, String measure, String path,
                       com.collectionledger.api.query.CollectionLineageQuery query) throws Exception {
        capture.start();
        Object answer = service.queries.query(query, com.collectionledger.api.query.CollectionLineage.class).join();
        // Only the read model's statements: the capture also sees the event store's tailing reader meanwhile.
        List<StatementCapture.Executed> statements = capture.stop().stream().filter(statement ->
                statement.sql().contains("view_") && !statement.sql().contains("view_position")).toList();
        // Every statement of one request over HTTP but the event store's (its tailing reader runs meanwhile).
        capture.start();
        service.raw.call("scale", "GET", path, null);
        List<StatementCapture.Executed> overHttp = capture.stop().stream().filter(statement ->
                !statement.sql().contains("domain_event_entry") && !statement.sql().contains("token_entry")).toList();
        double[] http = new double[REPETITIONS];
        double[] gateway = new double[REPETITIONS];
        double[] sql = new double[REPETITIONS];
        double[] json = new double[REPETITIONS];
        double[] gatewayCpu = new double[REPETITIONS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = -WARMUP; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            service.raw.call("scale", "GET", path, null);
            long httpEnd = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            service.queries.query(query, com.collectionledger.api.query.CollectionLineage.class).join();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            long gatewayEnd = System.nanoTime();
            try (Connection connection = service.dataSource.getConnection()) {
                for (StatementCapture.Executed statement : statements) {
                    try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                        bind(prepared, statement.args().toArray());
                        try (ResultSet rows = prepared.executeQuery()) {
                            while (rows.next()) {
                                readAll(rows);
                            }
                        }
                    }
                }
            }
            long sqlEnd = System.nanoTime();
            service.json.writeValueAsBytes(answer);
            long jsonEnd = System.nanoTime();
            if (i >= 0) {
                http[i] = (httpEnd - start) / 1e6;
                gateway[i] = (gatewayEnd - httpEnd) / 1e6;
                sql[i] = (sqlEnd - gatewayEnd) / 1e6;
                json[i] = (jsonEnd - sqlEnd) / 1e6;
                gatewayCpu[i] = (cpuEnd - cpuStart) / 1e6;
            }
        }
        String row = String.format(Locale.ROOT, "parts of %s (p50): HTTP request %.2f ms; QueryGateway alone %.2f ms (%.2f ms CPU of its thread);"
                        + " its %d statements alone %.2f ms; answer's JSON %.2f ms; load %s", measure,
                percentile(http, 50), percentile(gateway, 50), percentile(gatewayCpu, 50), statements.size(), percentile(sql, 50),
                percentile(json, 50), loadAverage());
        plans.append("## ").append(row).append("\n\n");
        statements.forEach(statement -> plans.append("- `").append(statement.sql().strip().replace("\n", " "))
                .append("` ").append(statement.args()).append("\n"));
        plans.append("\nover HTTP, ").append(overHttp.size()).append(" statements:\n");
        overHttp.forEach(statement -> plans.append("- `").append(statement.sql().strip().replace("\n", " "))
                .append("`\n"));
        plans.append("\n");
        System.out.println(row + "; over HTTP " + overHttp.size() + " statements");
    }

    interface Call {
        void run() throws Exception;
    }

    /** The plan, with the run's times, of every statement on a read-model table that the call executed. */
    private void explain(Service service, String measure, String who, Call call) throws Exception {
        capture.start();
        call.run();
        List<StatementCapture.Executed> executed = capture.stop();
        plans.append("## ").append(measure).append(" — ").append(who).append("\n\n");
        for (StatementCapture.Executed statement : executed) {
            if (!statement.sql().contains("view_") || statement.sql().contains("view_position")) {
                continue;
            }
            plans.append("```sql\n").append(statement.sql().strip()).append("\n-- ").append(statement.args())
                    .append("\n```\n```\n");
            try (Connection connection = service.dataSource.getConnection();
                 PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                bind(explain, statement.args().toArray());
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plans.append(lines.getString(1)).append("\n");
                    }
                }
            }
            plans.append("```\n");
            plans.append(repeated(service, statement)).append("\n");
            plans.append("generic plan (what a prepared statement may switch to after 5 executions):\n```\n")
                    .append(genericPlan(service, statement)).append("```\n\n");
        }
    }

    /**
     * Executes the statement as the service does, 12 times on one connection (pgjdbc prepares it on the server
     * from the 5th), and says which plans PostgreSQL used (pg_prepared_statements) and the last run's time.
     */
    private static String repeated(Service service, StatementCapture.Executed statement) throws SQLException {
        try (Connection connection = service.dataSource.getConnection()) {
            double lastMs = 0;
            for (int i = 0; i < 12; i++) {
                long start = System.nanoTime();
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    bind(prepared, statement.args().toArray());
                    try (ResultSet rows = prepared.executeQuery()) {
                        while (rows.next()) {
                            readAll(rows);
                        }
                    }
                }
                lastMs = (System.nanoTime() - start) / 1e6;
            }
            List<String> counts = query(connection, "SELECT generic_plans || ' generic, ' || custom_plans || ' custom'"
                    + " FROM pg_prepared_statements WHERE statement = ?", dollarParameters(statement.sql()));
            return String.format(Locale.ROOT, "12 executions on one connection: plans %s; the 12th took %.2f ms",
                    counts, lastMs);
        }
    }

    private static String genericPlan(Service service, StatementCapture.Executed statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Object arg : statement.args()) {
            values.append(values.isEmpty() ? "" : ", ").append(arg == null ? "NULL" : arg instanceof Number ? arg
                    : "'" + arg.toString().replace("'", "''") + "'");
        }
        try (Connection connection = service.dataSource.getConnection();
             java.sql.Statement sql = connection.createStatement()) {
            sql.execute("PREPARE bench_generic AS " + dollarParameters(statement.sql()));
            try {
                sql.execute("SET plan_cache_mode = force_generic_plan");
                try (ResultSet lines = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic("
                        + values + ")")) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append("\n");
                    }
                }
            } finally {
                sql.execute("RESET plan_cache_mode");
                sql.execute("DEALLOCATE bench_generic");
            }
        }
        return plan.toString();
    }

    /** The statement with PostgreSQL's $n parameters, as pgjdbc sends it. */
    private static String dollarParameters(String sql) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            text.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return text.toString();
    }

    /** Records the SQL and parameters of the statements executed through the service's DataSource while on. */
    static final class StatementCapture implements org.springframework.beans.factory.config.BeanPostProcessor {

        record Executed(String sql, List<Object> args) {
        }

        private volatile boolean on;
        private final List<Executed> executed = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

        void start() {
            executed.clear();
            commits.set(0);
            on = true;
        }

        long commits() {
            return commits.get();
        }

        List<Executed> stop() {
            on = false;
            synchronized (executed) {
                return new ArrayList<>(executed);
            }
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource) {
                return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                            Object result = invoke(dataSource, method, args);
                            return result instanceof Connection connection ? connection(connection) : result;
                        });
            }
            return bean;
        }

        private Connection connection(Connection connection) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (on && method.getName().equals("commit")) {
                            commits.incrementAndGet();
                        }
                        Object result = invoke(connection, method, args);
                        if (result instanceof PreparedStatement statement && !(result instanceof java.sql.CallableStatement)
                                && method.getName().equals("prepareStatement")) {
                            return statement(statement, (String) args[0]);
                        }
                        return result;
                    });
        }

        private PreparedStatement statement(PreparedStatement statement, String sql) {
            java.util.TreeMap<Integer, Object> parameters = new java.util.TreeMap<>();
            return (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                            parameters.put(index, name.equals("setNull") ? null : args[1]);
                        } else if (name.startsWith("execute") && on) {
                            executed.add(new Executed(sql, new ArrayList<>(parameters.values())));
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static String head(List<String> ids) {
        return ids.size() <= 4 ? ids.toString() : ids.subList(0, 3) + "... (" + ids.size() + ")";
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
    }

    private static List<String> withConnection(DataSource dataSource, SqlWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Runs a query, reads every column of every row, and answers the first column of each. */
    private static List<String> query(Connection connection, String sql, Object... args) throws SQLException {
        List<String> first = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    first.add(rows.getString(1));
                    readAll(rows);
                }
            }
        }
        return first;
    }

    private static void readAll(ResultSet rows) throws SQLException {
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
            rows.getObject(column);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Raw baselines and helpers

    private record EventRow(String aggregateId, long sequence, String type, String timestamp, String payloadType,
                            String revision, byte[] payload, byte[] metaData) {
    }

    private static void createRawTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE bench_event (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL,
                        payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                postgresVersion = version.getString(1);
            }
        }
    }

    private static List<EventRow> eventRows(DataSource dataSource, long afterGlobalIndex) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT aggregate_identifier, sequence_number, type,"
                     + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                     + " WHERE global_index > ? ORDER BY global_index")) {
            select.setLong(1, afterGlobalIndex);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)));
                }
            }
        }
        return rows;
    }

    /** Seconds to insert these rows (under new event IDs) into a copy of the event table, in JDBC batches. */
    private static double rawEventInserts(DataSource dataSource, List<EventRow> rows, int perTransaction)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement clear = connection.createStatement()) {
                clear.execute("TRUNCATE bench_event");
            }
            connection.commit();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_event (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                    + " meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    EventRow row = rows.get(i);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, row.aggregateId());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.type());
                    insert.setString(5, row.timestamp());
                    insert.setString(6, row.payloadType());
                    insert.setString(7, row.revision());
                    insert.setBytes(8, row.payload());
                    insert.setBytes(9, row.metaData());
                    insert.addBatch();
                    if ((i + 1) % perTransaction == 0 || i == rows.size() - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * What autovacuum does a little after a load this size, at once: the planner's statistics of the new
     * rows, and the visibility map that lets a scan answer from an index alone.
     */
    private static void vacuumAnalyze(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        }
    }

    private static HttpApi namespace(HttpApi admin, String name, List<String> extractors) {
        ok(admin.post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors", extractors.stream()
                .map(extractor -> Map.of("feature_extractor_name", extractor, "version", "v1")).toList())));
        return admin.inNamespace(name);
    }

    private String bucket(HttpApi api, String name, String schema) throws Exception {
        String id = ok(api.post("/v1/buckets", Map.of("bucket_name", name, "bucket_schema",
                HttpApi.JSON.readValue(schema, Map.class)))).text("bucket_id");
        bucketNames.put(id, name);
        return id;
    }

    private static HttpApi.Response ok(HttpApi.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(response.toString());
        }
        return response;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
