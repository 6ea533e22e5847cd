package com.collectionledger.query;

import com.collectionledger.support.StoredJson;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store the query side runs on, for tests: a new in-memory H2 database opened as the service opens
 * its embedded one (PostgreSQL mode), migrated with the service's own Flyway migrations, and Axon's JDBC
 * event store and token store on it with the service's table names and serializer.
 */
public final class TestStore implements AutoCloseable {

    /**
     * The service's migrations, read where they are kept (relative to this module's directory, where
     * Maven runs its tests): the query side is tested on the schema the service runs, not on a copy.
     */
    static final Path MIGRATIONS = Path.of("..", "ledger-service", "src", "main", "resources", "db", "migration",
            "common");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final ConnectionProvider connections;
    private final DataSourceTransactionManager transactions;
    private final EmbeddedEventStore eventStore;
    private final TokenStore tokenStore;

    private TestStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.connections = new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource));
        Serializer serializer = serializer();
        this.eventStore = EmbeddedEventStore.builder()
                .storageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(axonTransactions())
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .schema(eventSchema())
                        .build())
                .build();
        this.tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(tokenSchema())
                .build();
    }

    /** A new, migrated database with an event store on it. */
    public static TestStore fresh() {
        Path migrations = MIGRATIONS.toAbsolutePath().normalize();
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("no migrations at " + migrations
                    + ": run the query-side tests from the query-side module directory");
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:query-side-" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + ";DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(8);
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
        return new TestStore(dataSource);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    /** The same transactions, as Axon's components take them. */
    public TransactionManager axonTransactions() {
        return new SpringTransactionManager(transactions);
    }

    public EmbeddedEventStore eventStore() {
        return eventStore;
    }

    public TokenStore tokenStore() {
        return tokenStore;
    }

    /** Another node's token store on this database: its claims are {@code nodeId}'s. */
    public TokenStore tokenStore(String nodeId, Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer())
                .schema(tokenSchema())
                .nodeId(nodeId)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Override
    public void close() {
        eventStore.shutDown();
        dataSource.close();
    }

    /** Events and tokens as the service stores them: JSON by Axon's own mapper. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(StoredJson.newMapper()).build();
    }

    /** The service's snake_case names of Axon's event tables (see its AxonConfiguration). */
    static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    public static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
