package com.collectionledger.service;

import com.collectionledger.service.config.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the tests keep their store: H2 files (the default), or, with {@code -Dledger.test.database=postgres},
 * a real PostgreSQL 17 server started from Maven Central's binaries, with a fresh database per store.
 */
public final class TestDatabase {

    public static final boolean POSTGRES = "postgres".equals(System.getProperty("ledger.test.database"));

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static EmbeddedPostgres durableServer;

    private TestDatabase() {
    }

    /** Spring properties for a new, empty store whose files (if any) live in {@code dataDir}. */
    public static synchronized Map<String, String> freshStore(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ledger.data-dir", dataDir.toString());
        if (POSTGRES) {
            properties.putAll(freshPostgresDatabase());
        }
        return properties;
    }

    /** {@link #freshStore} in a new temporary directory: for a context that must not share another's segments. */
    public static Map<String, String> freshStoreInTemporaryDirectory(String prefix) {
        try {
            return freshStore(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring properties for a new, empty database on the embedded PostgreSQL server. */
    public static synchronized Map<String, String> freshPostgresDatabase() {
        return freshPostgresDatabase(server());
    }

    /** Spring properties for a new, empty database on {@code server}. */
    public static synchronized Map<String, String> freshPostgresDatabase(EmbeddedPostgres server) {
        String database = "ledger_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.getJdbcUrl("postgres", database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** The same, as command-line arguments for SpringApplication.run. */
    public static String[] freshStoreArguments(Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>();
        freshStore(dataDir).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** A JDBC connection to the store that {@link #freshStoreArguments} gave (H2 files under {@code dataDir} unless a URL is among them). */
    public static Connection connect(String[] storeArguments, Path dataDir) throws SQLException {
        String url = EmbeddedDatabase.h2Url(dataDir);
        for (String argument : storeArguments) {
            if (argument.startsWith("--spring.datasource.url=")) {
                url = argument.substring("--spring.datasource.url=".length());
            }
        }
        return POSTGRES ? DriverManager.getConnection(url, "postgres", "") : DriverManager.getConnection(url, "sa", "");
    }

    /** The running PostgreSQL server (started on first use, stopped when the JVM exits). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start(EmbeddedPostgres.builder());
        }
        return server;
    }

    /**
     * A server of its own for benchmarks, which the tests never use: every commit waits until its WAL is on
     * the disk (zonky turns {@code synchronous_commit} off), and it keeps each transaction's commit time
     * ({@code track_commit_timestamp}), from which a benchmark reads how long after a write's commit the read
     * model's commit came.
     */
    public static synchronized EmbeddedPostgres durableServer() {
        if (durableServer == null) {
            durableServer = start(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("track_commit_timestamp", "on"));
        }
        return durableServer;
    }

    /** Starts a server that stops when the JVM exits. */
    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        EmbeddedPostgres started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }));
        return started;
    }
}
