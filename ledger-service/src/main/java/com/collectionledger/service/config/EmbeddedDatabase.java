package com.collectionledger.service.config;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.nio.file.Path;

/**
 * The embedded default: unless {@code spring.datasource.url} says otherwise, the store is an H2 file
 * database under {@code ledger.data-dir} ({@code LEDGER_DATA_DIR}), made absolute so that it does
 * not move with H2's idea of the working directory.
 */
@Configuration
public class EmbeddedDatabase {

    /** The defaults set here are overridden by any {@code spring.datasource.*} property, bound afterwards. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties(LedgerProperties settings) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(h2Url(Path.of(settings.dataDir())));
        properties.setUsername("sa");
        properties.setPassword("");
        return properties;
    }

    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                // Each commit is written to the file before it returns (H2's default writes it up to 500 ms
                // later, so a killed process lost acknowledged writes). Written, not fsynced: see README.
                + ";WRITE_DELAY=0"
                // Spring closes the database after the processors stop, not H2's own shutdown hook before.
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
