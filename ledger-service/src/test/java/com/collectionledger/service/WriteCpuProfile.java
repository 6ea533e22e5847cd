package com.collectionledger.service;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Where the CPU of a create, a clone and a patch goes, before anything is optimised: the service in
 * this JVM on embedded PostgreSQL, 8 HTTP clients, a JFR recording per operation whose execution
 * samples are grouped into buckets, the process's and the PostgreSQL server's CPU time per operation,
 * and the JDBC statements and commits per operation. Also where start-up time goes. Not part of the
 * test suite (its name): run it with the command in BENCHMARKS.md; it prints Markdown and writes it,
 * with the raw frame lists, to target/profile/.
 */
class WriteCpuProfile {

    private static final String KEY = "sk_bench_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int CLIENTS = 8;
    private static final int OPS_PER_CLIENT = Integer.getInteger("profile.ops-per-client", 75);
    private static final int RAW_COMMITS_PER_CLIENT = Integer.getInteger("profile.raw-commits-per-client", 1_000);
    private static final int WARMUP_ROUNDS = Integer.getInteger("profile.warmup-rounds", 3);
    private static final Path OUT = Path.of("target", "profile");

    @TempDir
    Path workDir;

    private final StringBuilder report = new StringBuilder();
    /** Per operation: the service's own CPU per op in ms, without JIT, JFR and the counting proxy. */
    private final Map<String, Double> steadyMs = new HashMap<>();

    @Test
    void run() throws Exception {
        Files.createDirectories(OUT);
        // Start-up first, while this JVM is still cold like a fresh `java -jar`; -Dprofile.startup=false skips it.
        if (Boolean.parseBoolean(System.getProperty("profile.startup", "true"))) {
            startupOfTheJar();
            startupSteps();
        }

        Map<String, String> store = TestDatabase.freshPostgresDatabase();
        String url = store.get("spring.datasource.url");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.bootstrap-api-key=" + KEY,
                "--ledger.data-dir=" + workDir.resolve("pg"), "--logging.level.root=WARN",
                "--ledger.rate-limit.requests-per-second=0"));
        store.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        StatementCounter statements = new StatementCounter();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(statements))
                .run(arguments.toArray(String[]::new))) {
            HttpApi admin = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
            admin.post("/v1/namespaces", Map.of("namespace_name", "profile", "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
            HttpApi api = admin.inNamespace("profile");
            api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema", Map.of("properties",
                    Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
            String bucket = api.get("/v1/buckets/articles").text("bucket_id");
            String source = api.post("/v1/collections", LedgerHttpTest.textCollection("profile-source", bucket))
                    .text("collection_id");
            PostgresCpu postgres = new PostgresCpu(url);

            // Warm-up of all three, so that the JIT has compiled the paths before any is measured.
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                String prefix = "warm" + round;
                measure(null, statements, postgres, url, c -> i -> expect(200,
                        api.post("/v1/collections", LedgerHttpTest.textCollection(prefix + "-" + c + "-" + i, bucket))));
                measure(null, statements, postgres, url, c -> i -> expect(201,
                        api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", prefix + "-clone-" + c + "-" + i))));
                measure(null, statements, postgres, url, c -> i -> expect(200,
                        api.patch("/v1/collections/" + prefix + "-" + c + "-" + i, Map.of("description", "warm " + i))));
            }
            Measured raw = rawCommits(url, postgres);
            Measured create = measure("create", statements, postgres, url, c -> i -> expect(200,
                    api.post("/v1/collections", LedgerHttpTest.textCollection("created-" + c + "-" + i, bucket))));
            Measured clone = measure("clone", statements, postgres, url, c -> i -> expect(201,
                    api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "cloned-" + c + "-" + i))));
            Measured patch = measure("patch", statements, postgres, url, c -> i -> expect(200,
                    api.patch("/v1/collections/created-" + c + "-" + i, Map.of("description", "patched " + i))));
            report.insert(0, String.format(Locale.ROOT, """
                    Load average at the start: %s; at the end: %s. %d clients, %d ops each per operation.

                    | measure | create | clone | patch | raw one-row insert+commit (same server, same run) |
                    |---|---|---|---|---|
                    | throughput, 8 clients | %.0f/s | %.0f/s | %.0f/s | %.0f/s |
                    | service JVM CPU per op (process minus the benchmark's client threads) | %.2f ms | %.2f ms | %.2f ms | %.3f ms (JDBC client side) |
                    | PostgreSQL server CPU per op | %.2f ms | %.2f ms | %.2f ms | %.3f ms |
                    | total CPU per op | %.2f ms | %.2f ms | %.2f ms | %.3f ms |
                    | total CPU per op / raw commit's | %.0fx | %.0fx | %.0fx | 1x |
                    | steady-state CPU per op (without JIT, JFR, counting proxy) | %.2f ms | %.2f ms | %.2f ms | %.3f ms |
                    | steady-state CPU per op / raw commit's | %.0fx | %.0fx | %.0fx | 1x |
                    | throughput / raw commit rate | %.1f%% | %.1f%% | %.1f%% | 100%% |
                    | JDBC statements executed per op | %.1f | %.1f | %.1f | 1 |
                    | JDBC commits per op (explicit commit + autocommit statements) | %.1f | %.1f | %.1f | 1 |

                    """, LOAD_AT_START, loadAverage(), CLIENTS, OPS_PER_CLIENT,
                    create.rate, clone.rate, patch.rate, raw.rate,
                    create.jvmMs(), clone.jvmMs(), patch.jvmMs(), raw.jvmMs(),
                    create.pgMs(), clone.pgMs(), patch.pgMs(), raw.pgMs(),
                    create.totalMs(), clone.totalMs(), patch.totalMs(), raw.totalMs(),
                    create.totalMs() / raw.totalMs(), clone.totalMs() / raw.totalMs(), patch.totalMs() / raw.totalMs(),
                    steadyMs.get("create"), steadyMs.get("clone"), steadyMs.get("patch"), raw.totalMs(),
                    steadyMs.get("create") / raw.totalMs(), steadyMs.get("clone") / raw.totalMs(),
                    steadyMs.get("patch") / raw.totalMs(),
                    100 * create.rate / raw.rate, 100 * clone.rate / raw.rate, 100 * patch.rate / raw.rate,
                    create.statementsPerOp, clone.statementsPerOp, patch.statementsPerOp,
                    create.commitsPerOp, clone.commitsPerOp, patch.commitsPerOp));
        }
        System.out.println("\n" + report);
        Files.writeString(OUT.resolve("profile.md"), report.toString());
    }

    private static final String LOAD_AT_START = loadAverage();

    private static HttpApi.Response expect(int status, HttpApi.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
        return response;
    }

    interface Operation {
        java.util.function.IntConsumer forClient(int client);
    }

    record Measured(double rate, double processMs, double clientMs, double pgMs, double statementsPerOp,
                    double commitsPerOp) {
        double jvmMs() {
            return processMs - clientMs;
        }

        double totalMs() {
            return jvmMs() + pgMs;
        }
    }

    /** 8 clients, OPS_PER_CLIENT calls each; with a name, also a JFR recording analysed into the report. */
    private Measured measure(String name, StatementCounter statements, PostgresCpu postgres, String url,
                             Operation operation) throws Exception {
        Recording recording = null;
        if (name != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(5));
            recording.start();
        }
        Snapshot before = Snapshot.take(statements, postgres);
        long start = System.nanoTime();
        runClients(OPS_PER_CLIENT, client -> {
            var call = operation.forClient(client);
            for (int i = 0; i < OPS_PER_CLIENT; i++) {
                call.accept(i);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Snapshot after = Snapshot.take(statements, postgres);
        int ops = CLIENTS * OPS_PER_CLIENT;
        Measured measured = new Measured(ops / seconds, (after.processNs - before.processNs) / 1e6 / ops,
                (after.clientNs - before.clientNs) / 1e6 / ops, (after.pgMs - before.pgMs) / ops,
                (double) (after.statements - before.statements) / ops, (double) (after.commits - before.commits) / ops);
        if (recording != null) {
            recording.stop();
            Path file = OUT.resolve(name + ".jfr");
            recording.dump(file);
            recording.close();
            Map<String, Double> vmMs = new LinkedHashMap<>();
            after.vmThreadsMs.forEach((kind, ms) -> vmMs.put(kind, (ms - before.vmThreadsMs.getOrDefault(kind, 0.0)) / ops));
            analyse(name, file, measured, vmMs, ops, statements.since(before.bySql));
        }
        return measured;
    }

    /** One-row INSERT + commit per statement, 8 clients, each on its own connection: the server's commit cost. */
    private Measured rawCommits(String url, PostgresCpu postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE profile_raw (id BIGSERIAL PRIMARY KEY, payload TEXT)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            connections.add(DriverManager.getConnection(url));
        }
        Snapshot before = Snapshot.take(null, postgres);
        long start = System.nanoTime();
        runClients(RAW_COMMITS_PER_CLIENT, client -> {
            try (PreparedStatement insert = connections.get(client).prepareStatement("INSERT INTO profile_raw (payload) VALUES (?)")) {
                for (int i = 0; i < RAW_COMMITS_PER_CLIENT; i++) {
                    insert.setString(1, "row " + client + " " + i);
                    insert.executeUpdate();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Snapshot after = Snapshot.take(null, postgres);
        for (Connection connection : connections) {
            connection.close();
        }
        int ops = CLIENTS * RAW_COMMITS_PER_CLIENT;
        // Here the client threads are the JDBC clients: their CPU is the client side of a commit.
        return new Measured(ops / seconds, (after.processNs - before.processNs) / 1e6 / ops, 0,
                (after.pgMs - before.pgMs) / ops, 1, 1);
    }

    interface ClientWork {
        void run(int client) throws Exception;
    }

    private static void runClients(int perClient, ClientWork work) throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, r -> new Thread(r, "bench-client-" + threads.incrementAndGet()));
        AtomicInteger next = new AtomicInteger();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                tasks.add(() -> {
                    work.run(next.getAndIncrement());
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- CPU time and statement counts

    record Snapshot(long processNs, long javaThreadsNs, long clientNs, double pgMs, long statements, long commits,
                    Map<String, Long> bySql, Map<String, Double> vmThreadsMs) {

        static Snapshot take(StatementCounter statements, PostgresCpu postgres) throws Exception {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long javaThreads = 0;
            long client = 0;
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                javaThreads += cpu;
                if (isClientThread(info.getThreadName())) {
                    client += cpu;
                }
            }
            return new Snapshot(os.getProcessCpuTime(), javaThreads, client, postgres.cpuMillis(),
                    statements == null ? 0 : statements.executed.sum(), statements == null ? 0 : statements.commits.sum(),
                    statements == null ? Map.of() : statements.snapshot(), vmThreads());
        }

        /** CPU of the JVM's own threads (not Java threads), by kind, from /proc/self/task. */
        static Map<String, Double> vmThreads() throws Exception {
            Map<String, Double> byKind = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        String kind = name.contains("CompilerThre") ? "JIT compiler threads"
                                : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC threads"
                                : name.startsWith("JFR") ? "JFR threads (the profiler itself)"
                                : name.startsWith("VM ") || name.equals("Sweeper thread") || name.equals("Service Thread")
                                || name.equals("Monitor Deflati") ? "other VM threads" : null;
                        if (kind != null) {
                            byKind.merge(kind, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0, Double::sum);
                        }
                    } catch (Exception vanished) {
                        // a thread that ended while we read
                    }
                }
            }
            return byKind;
        }
    }

    private static boolean isClientThread(String name) {
        return name.startsWith("bench-client-") || name.startsWith("HttpClient-");
    }

    /** CPU of the PostgreSQL server that serves {@code url}: its postmaster and every live child process. */
    static final class PostgresCpu {

        private final int port;

        PostgresCpu(String url) {
            Matcher matcher = Pattern.compile(":(\\d+)/").matcher(url);
            if (!matcher.find()) {
                throw new IllegalArgumentException(url);
            }
            this.port = Integer.parseInt(matcher.group(1));
        }

        double cpuMillis() throws Exception {
            long postmaster = -1;
            Map<Long, long[]> processes = new HashMap<>();
            try (var proc = Files.list(Path.of("/proc"))) {
                for (Path dir : proc.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(dir.getFileName().toString());
                        // After the command: state, ppid, ..., utime (14th field overall), stime (15th).
                        processes.put(pid, new long[]{Long.parseLong(fields[1]),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12])});
                        if (stat.contains("(postgres)")) {
                            String command = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                            if (command.contains("-p " + port + " ")) {
                                postmaster = pid;
                            }
                        }
                    } catch (Exception vanished) {
                        // a process that ended while we read
                    }
                }
            }
            if (postmaster < 0) {
                throw new IllegalStateException("no postmaster on port " + port);
            }
            long ticks = processes.get(postmaster)[1];
            for (long[] process : processes.values()) {
                if (process[0] == postmaster) {
                    ticks += process[1];
                }
            }
            return ticks * 10.0; // USER_HZ is 100 on Linux
        }
    }

    /** Counts what the service executes through its DataSource: statements by SQL text, and commits. */
    static final class StatementCounter implements BeanPostProcessor {

        final LongAdder executed = new LongAdder();
        final LongAdder commits = new LongAdder();
        final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                        (proxy, method, args) -> {
                            Object result = invoke(dataSource, method, args);
                            return result instanceof Connection connection ? connection(connection) : result;
                        });
            }
            return bean;
        }

        private Connection connection(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            commits.increment();
                        }
                        Object result = invoke(connection, method, args);
                        if (result instanceof Statement statement && !(result instanceof java.sql.CallableStatement)) {
                            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                            return statement(statement, sql, connection);
                        }
                        return result;
                    });
        }

        private Statement statement(Statement statement, String preparedSql, Connection connection) {
            Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("execute")) {
                            String sql = preparedSql != null ? preparedSql
                                    : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                            executed.increment();
                            bySql.computeIfAbsent(threadKind() + " | `" + normalise(sql).replace("|", "\\|") + "`",
                                    k -> new LongAdder()).increment();
                            if (connection.getAutoCommit()) {
                                commits.increment();
                            }
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static String threadKind() {
            String name = Thread.currentThread().getName();
            return name.startsWith("http-nio") ? "request" : name.contains("[read-model]") ? "read-model processor"
                    : name.startsWith("boundedElastic") ? "read-your-writes poll" : name.replaceAll("\\d+", "N");
        }

        private static String normalise(String sql) {
            String flat = sql.replaceAll("\\s+", " ").trim();
            return flat.length() > 110 ? flat.substring(0, 110) + "…" : flat;
        }

        Map<String, Long> snapshot() {
            Map<String, Long> copy = new HashMap<>();
            bySql.forEach((sql, count) -> copy.put(sql, count.sum()));
            return copy;
        }

        Map<String, Long> since(Map<String, Long> before) {
            Map<String, Long> delta = new HashMap<>();
            snapshot().forEach((sql, count) -> {
                long d = count - before.getOrDefault(sql, 0L);
                if (d > 0) {
                    delta.put(sql, d);
                }
            });
            return delta;
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    // ---------------------------------------------------------------- JFR analysis

    /** A bucket and the frame patterns ({@code class prefix} or {@code class prefix#method prefix}) that mean it. */
    record Bucket(String name, List<String> patterns) {
        boolean matches(String frame) {
            for (String pattern : patterns) {
                if (frame.startsWith(pattern)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String CLIENT = "benchmark's own HTTP clients (excluded)";
    private static final String COUNTING = "measurement: the statement-counting JDBC proxy (not the service's)";
    private static final String PROJECTION = "projection (read-model processor threads)";
    private static final String TAILING = "event store's tailing reader for the processor (EmbeddedEventStore thread)";
    private static final String ANSWER_FROM_EVENTS = "read-your-writes: answer read back from the event store";
    private static final String ANSWER_FROM_VIEW = "answer: read of the written view (FindCollectionQuery) + response model";

    /** Checked from the innermost frame outwards; the first frame that matches any of them decides. */
    private static final List<Bucket> PHASES = List.of(
            new Bucket("directory SQL (command-side checks, name-to-id lookups)", List.of("com.collectionledger.command.directory.",
                    "com.collectionledger.service.rest.Identifiers",
                    "com.collectionledger.command.namespace.PendingNamespaceDirectory",
                    "com.collectionledger.command.config.RepositoryNamespaceMembers")),
            new Bucket("event append (store + commit of the UoW's events)", List.of(
                    "org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine#appendEvents",
                    "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine#appendEvents",
                    "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine#lambda$appendEvents",
                    "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine#writeTimestamp",
                    "org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements#appendEvents",
                    "org.axonframework.eventsourcing.eventstore.AbstractEventStore#prepareCommit",
                    "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore#prepareCommit",
                    "org.axonframework.eventhandling.AbstractEventBus#prepareCommit",
                    "org.axonframework.eventhandling.AbstractEventBus#doWithEvents")),
            new Bucket("domain decision (aggregate handlers, rules, applying events)", List.of(
                    "org.axonframework.eventsourcing.EventSourcedAggregate#publish",
                    "org.axonframework.eventsourcing.EventSourcedAggregate#doApply",
                    "org.axonframework.eventsourcing.EventSourcedAggregate#apply")),
            new Bucket("aggregate loading (event store reads, snapshots)", List.of("org.axonframework.eventsourcing.",
                    "org.axonframework.modelling.command.AbstractRepository#load",
                    "org.axonframework.modelling.command.LockingRepository#load")),
            new Bucket("our filters' own work (api key, idempotency, rate limit, request id)", List.of(
                    "com.collectionledger.service.security.", "com.collectionledger.service.rest.IdempotencyStore",
                    "com.collectionledger.service.rest.RateLimiter#", "com.collectionledger.service.rest.RequestIdFilter#requestId")),
            new Bucket("read-your-writes (subscription query, polling)", List.of(
                    "com.collectionledger.service.rest.write.ReadYourWrites", "org.axonframework.queryhandling.",
                    "reactor.", "com.collectionledger.query.")),
            new Bucket("domain decision (aggregate handlers, rules, applying events)", List.of("com.collectionledger.command.",
                    "com.collectionledger.api.")));
    private static final List<Bucket> PHASES_WHILE_LOADING = PHASES.stream()
            .filter(bucket -> !bucket.patterns().get(0).startsWith("org.axonframework.eventsourcing.EventSourcedAggregate#")).toList();
    private static final List<Bucket> TECHNOLOGY = List.of(
            new Bucket("JSON (Jackson) of HTTP bodies", List.of("com.fasterxml.jackson.")),
            new Bucket("JDBC/PostgreSQL driver + pool, outside the phases above (e.g. commits)", List.of(
                    "org.postgresql.", "com.zaxxer.hikari.")));
    private static final List<Bucket> LAYERS = List.of(
            new Bucket("our filters (own frames)", List.of("com.collectionledger.service.rest.ApiKeyFilter",
                    "com.collectionledger.service.rest.IdempotencyFilter", "com.collectionledger.service.rest.RateLimitFilter",
                    "com.collectionledger.service.rest.RequestIdFilter", "com.collectionledger.service.rest.BodySizeLimitFilter",
                    "com.collectionledger.service.rest.AuditMetadataInterceptor")),
            new Bucket("command dispatch, Axon unit of work, transactions", List.of("org.axonframework.",
                    "com.collectionledger.command.config.", "org.springframework.transaction.",
                    "org.springframework.jdbc.")),
            new Bucket("HTTP: Tomcat + Spring MVC + our controllers", List.of("org.apache.catalina.", "org.apache.coyote.",
                    "org.apache.tomcat.", "org.springframework.web.", "jakarta.servlet.", "com.collectionledger.service.",
                    "org.springframework.")));

    private void analyse(String operation, Path file, Measured measured, Map<String, Double> vmMs, int ops,
                         Map<String, Long> sql) throws Exception {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        Map<String, Integer> bucketsInJdbc = new HashMap<>();
        Map<String, Integer> bucketsInJson = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int server = 0;
        int truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                if (frame.isJavaFrame()) {
                    frames.add(frame.getMethod().getType().getName() + "#" + frame.getMethod().getName());
                }
            }
            if (frames.isEmpty()) {
                continue;
            }
            String threadName = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            String bucket = bucket(frames, threadName);
            buckets.merge(bucket, 1, Integer::sum);
            if (bucket.equals(CLIENT)) {
                continue;
            }
            server++;
            if (event.getStackTrace().isTruncated()) {
                truncated++;
            }
            threads.merge(threadName.replaceAll("\\d+", "N"), 1, Integer::sum);
            if (frames.stream().anyMatch(f -> f.startsWith("org.postgresql.") || f.startsWith("com.zaxxer."))) {
                bucketsInJdbc.merge(bucket, 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> f.startsWith("com.fasterxml.jackson."))) {
                bucketsInJson.merge(bucket, 1, Integer::sum);
            }
            self.merge(frames.get(0), 1, Integer::sum);
            for (String frame : new HashSet<>(frames)) {
                inclusive.merge(frame, 1, Integer::sum);
            }
        }
        // Samples cover the Java threads; the JVM's own threads (GC, JIT, JFR) are measured apart.
        double vmTotal = vmMs.values().stream().mapToDouble(Double::doubleValue).sum();
        double javaMs = measured.jvmMs() - vmTotal;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### %s: %.2f ms CPU per op in the service JVM + %.2f ms in PostgreSQL "
                        + "(%.0f ops/s; %d server samples, %d truncated stacks)%n%n", operation, measured.jvmMs(),
                measured.pgMs(), measured.rate, server, truncated));
        out.append("| bucket | ms CPU per op | % of total | of which in the JDBC driver | of which in Jackson |\n|---|---|---|---|---|\n");
        double total = measured.totalMs();
        List<Map.Entry<String, Integer>> sorted = buckets.entrySet().stream().filter(e -> !e.getKey().equals(CLIENT))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        for (var entry : sorted) {
            double ms = javaMs * entry.getValue() / server;
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f%% | %.2f | %.2f |%n", entry.getKey(), ms, 100 * ms / total,
                    javaMs * bucketsInJdbc.getOrDefault(entry.getKey(), 0) / server,
                    javaMs * bucketsInJson.getOrDefault(entry.getKey(), 0) / server));
        }
        vmMs.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                out.append(String.format(Locale.ROOT, "| JVM: %s | %.2f | %.0f%% | | |%n", e.getKey(), e.getValue(),
                        100 * e.getValue() / total)));
        out.append(String.format(Locale.ROOT, "| PostgreSQL server processes | %.2f | %.0f%% | | |%n", measured.pgMs(),
                100 * measured.pgMs() / total));
        out.append(String.format(Locale.ROOT, "| **total** | **%.2f** | 100%% | | |%n%n", total));
        double counting = javaMs * buckets.getOrDefault(COUNTING, 0) / server;
        steadyMs.put(operation, javaMs - counting + measured.pgMs());
        out.append(String.format(Locale.ROOT, "Steady state (the service's Java threads without the counting proxy, plus "
                + "PostgreSQL; no JIT, no JFR): %.2f ms per op.%n%n", steadyMs.get(operation)));
        long statementTotal = sql.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(Locale.ROOT, "JDBC statements per op: %.1f; commits per op: %.1f.%n%n",
                (double) statementTotal / ops, measured.commitsPerOp));
        out.append("| thread | statement | per op |\n|---|---|---|\n");
        sql.entrySet().stream().filter(e -> e.getValue() * 50 >= ops)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", e.getKey(), (double) e.getValue() / ops)));
        Map<String, Long> byThread = new java.util.TreeMap<>();
        sql.forEach((key, count) -> byThread.merge(key.substring(0, key.indexOf(" | ")), count, Long::sum));
        out.append("\nStatements per op by thread: ");
        byThread.forEach((thread, count) -> out.append(String.format(Locale.ROOT, "%s %.1f; ", thread, (double) count / ops)));
        out.append("statements under 0.02 per op (heartbeats, claims) left out of the table.");
        out.append("\n");
        report.append(out);
        StringBuilder frames = new StringBuilder(out);
        frames.append("Samples by thread: ").append(threads).append("\n\nTop frames by self time:\n");
        top(self, 40, server, frames);
        frames.append("\nTop frames by inclusive time:\n");
        top(inclusive, 120, server, frames);
        Files.writeString(OUT.resolve(operation + "-frames.txt"), frames.toString());
    }

    private static void top(Map<String, Integer> counts, int limit, int total, StringBuilder out) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
    }

    static String bucket(List<String> frames, String threadName) {
        if (isClientThread(threadName) || frames.stream().anyMatch(f -> f.startsWith("jdk.internal.net.http.")
                || f.startsWith("com.collectionledger.service.HttpApi") || f.startsWith("com.collectionledger.service.WriteCpuProfile"))) {
            return CLIENT;
        }
        for (String frame : frames) {
            if (frame.startsWith("org.postgresql.") || frame.startsWith("com.zaxxer.")) {
                break;
            }
            if (frame.contains("StatementCounter") || frame.startsWith("jdk.proxy")) {
                return COUNTING;
            }
        }
        if (threadName.startsWith("EmbeddedEventStore")) {
            return TAILING;
        }
        if (threadName.contains("[read-model]") || frames.stream().anyMatch(f -> f.startsWith("org.axonframework.eventhandling.pooled.")
                || f.startsWith("org.axonframework.eventhandling.TrackingEventProcessor")
                || f.startsWith("com.collectionledger.query.config.WakingEventSource"))) {
            return PROJECTION;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("com.collectionledger.service.rest.write.ReadYourWrites#events"))) {
            return ANSWER_FROM_EVENTS;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("com.collectionledger.service.rest.write.") && f.endsWith("#model")
                || f.startsWith("com.collectionledger.service.rest.write.WriteResponses"))) {
            return ANSWER_FROM_VIEW;
        }
        // Replaying events into an aggregate while loading it is loading; applying new ones is the decision.
        boolean loading = frames.stream().anyMatch(f -> f.startsWith("org.axonframework.eventsourcing.EventSourcedAggregate#initializeState"));
        for (List<Bucket> level : List.of(loading ? PHASES_WHILE_LOADING : PHASES, TECHNOLOGY, LAYERS)) {
            for (String frame : frames) {
                for (Bucket bucket : level) {
                    if (bucket.matches(frame)) {
                        return bucket.name();
                    }
                }
            }
        }
        return "other (JDK, threads, ...)";
    }

    // ---------------------------------------------------------------- start-up

    /** `java -jar` of the packaged jar (when it was built) on a fresh data directory, to the first healthy answer. */
    private void startupOfTheJar() throws Exception {
        Path jar = Path.of("target", "ledger-service.jar");
        if (!Files.exists(jar)) {
            report.append("(target/ledger-service.jar not built: `mvn -B -o -DskipTests package` first for the start-up of the jar.)\n\n");
            return;
        }
        report.append("### Start-up of `java -jar ledger-service.jar` (embedded default, fresh data directory)\n\n")
                .append("| run | to healthy (wall, from process start) | Spring's \"Started ... in\" | JVM up at that point | Flyway migrations | load average |\n|---|---|---|---|---|---|\n");
        for (int run = 1; run <= 3; run++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dataDir = Files.createTempDirectory(workDir, "jar-data");
            long start = System.nanoTime();
            Process process = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
                    "--ledger.data-dir=" + dataDir, "--ledger.bootstrap-api-key=" + KEY)
                    .redirectErrorStream(true).start();
            List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        log.add(line);
                    }
                } catch (Exception ignored) {
                    // the process ended
                }
            });
            reader.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
            await("the jar answers health").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(10)).ignoreExceptionsInstanceOf(java.io.IOException.class)
                    .failFast("the jar exited", () -> !process.isAlive())
                    .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            double healthyMs = (System.nanoTime() - start) / 1e6;
            process.destroy();
            process.waitFor();
            reader.join(5_000);
            String started = find(log, "Started LedgerApplication in ([0-9.]+) seconds");
            String running = find(log, "process running for ([0-9.]+)\\)");
            String flyway = String.join(", ", findAll(log, "Successfully applied (\\d+ migrations?.*)"));
            report.append(String.format(Locale.ROOT, "| %d | %.0f ms | %s s | %s s | %s | %s |%n", run, healthyMs, started,
                    running, flyway.isEmpty() ? "?" : flyway, loadAverage()));
            Files.write(OUT.resolve("startup-jar-" + run + ".log"), log);
        }
        report.append("\n");
    }

    private static String find(List<String> log, String regex) {
        List<String> all = findAll(log, regex);
        return all.isEmpty() ? "?" : all.get(0);
    }

    private static List<String> findAll(List<String> log, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> found = new ArrayList<>();
        synchronized (log) {
            for (String line : log) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    /** The embedded default started in this JVM with Spring's startup steps recorded: where the time goes. */
    private void startupSteps() throws Exception {
        BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
        Path dataDir = Files.createTempDirectory(workDir, "steps-data");
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .applicationStartup(steps)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.bootstrap-api-key=" + KEY,
                        "--logging.level.root=WARN")) {
            double runMs = (System.nanoTime() - start) / 1e6;
            StartupTimeline timeline = steps.getBufferedTimeline();
            Map<Long, StartupTimeline.TimelineEvent> byId = new HashMap<>();
            Map<Long, Long> childNanos = new HashMap<>();
            for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
                byId.put(event.getStartupStep().getId(), event);
            }
            for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
                Long parent = event.getStartupStep().getParentId();
                if (parent != null) {
                    childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
                }
            }
            record Step(String name, double inclusiveMs, double selfMs) {
            }
            List<Step> list = new ArrayList<>();
            for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
                StartupStep step = event.getStartupStep();
                StringBuilder name = new StringBuilder(step.getName());
                for (StartupStep.Tag tag : step.getTags()) {
                    if (tag.getKey().equals("beanName") || tag.getKey().equals("beanType")) {
                        name.append(' ').append(tag.getValue().replaceAll(".*\\.", ""));
                        break;
                    }
                }
                double inclusive = event.getDuration().toNanos() / 1e6;
                list.add(new Step(name.toString(), inclusive,
                        inclusive - childNanos.getOrDefault(step.getId(), 0L) / 1e6));
            }
            report.append(String.format(Locale.ROOT, "### Start-up steps of the embedded default in a fresh JVM "
                    + "(SpringApplication.run %.0f ms; load average %s)%n%n", runMs, loadAverage()));
            report.append("Top-level phases:\n\n| step | ms |\n|---|---|\n");
            for (Step step : list) {
                if (!step.name().startsWith("spring.beans.instantiate")) {
                    if (step.inclusiveMs() >= 20) {
                        report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", step.name(), step.inclusiveMs()));
                    }
                }
            }
            report.append("\nBeans by their own instantiation time (excluding the beans they pulled in), top 20:\n\n"
                    + "| bean | own ms | incl. ms |\n|---|---|---|\n");
            list.stream().filter(s -> s.name().startsWith("spring.beans.instantiate"))
                    .sorted(Comparator.comparingDouble(Step::selfMs).reversed()).limit(20)
                    .forEach(s -> report.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n",
                            s.name().substring("spring.beans.instantiate ".length()), s.selfMs(), s.inclusiveMs())));
            report.append("\n");
            double beans = list.stream().filter(s -> s.name().startsWith("spring.beans.instantiate"))
                    .mapToDouble(Step::selfMs).sum();
            report.append(String.format(Locale.ROOT, "Sum of all beans' own instantiation time: %.0f ms; classes loaded in this JVM so far: %d.%n%n",
                    beans, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (Exception e) {
            return "?";
        }
    }
}
