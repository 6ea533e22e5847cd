package com.collectionledger.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The embedded default as configured: H2 files in the data directory, Jackson, no call home. */
class EmbeddedDefaultsTest extends LedgerHttpTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper axonMapper;

    @Autowired
    ObjectMapper httpMapper;

    @Test
    void storeIsAnH2FileInTheDataDirectory() throws Exception {
        assumeFalse(TestDatabase.POSTGRES, "the embedded default only");
        Path dataDir = Path.of(environment.getRequiredProperty("ledger.data-dir")).toAbsolutePath();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:" + dataDir.resolve("ledger"));
        }
        assertThat(Files.exists(dataDir.resolve("ledger.mv.db"))).isTrue();
    }

    @Test
    void flywayCreatedEventsSnapshotsTokensDeadLettersReadModelAndKeys() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry",
                "dead_letter_entry", "view_collection", "view_namespace", "view_bucket", "view_position",
                "dir_collection", "dir_collection_name", "api_key", "flyway_schema_history");
    }

    @Test
    void readModelTokensLiveInTheSameDatabase() {
        newNamespace();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'read-model'",
                Integer.class)).isEqualTo(16);
    }

    @Test
    void eventsAreJsonWrittenByAxonsOwnMapper() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) eventSerializer).getObjectMapper()).isSameAs(axonMapper);
        assertThat(httpMapper).isNotSameAs(axonMapper);
        assertThat(httpMapper.getPropertyNamingStrategy()).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
        assertThat(axonMapper.getPropertyNamingStrategy()).isNull();
    }

    @Test
    void nothingCallsHome() {
        assertThat(environment.getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
        assertThat(System.getProperty("disable-axoniq-console-message")).isEqualTo("true");
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        List<String> stored = jdbc.queryForList("SELECT key_hash || key_name || key_prefix FROM api_key", String.class);
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(ADMIN_KEY));
        assertThat(jdbc.queryForList("SELECT key_hash FROM api_key", String.class)).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }
}
