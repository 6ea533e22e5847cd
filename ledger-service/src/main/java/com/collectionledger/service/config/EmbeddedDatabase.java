package com.collectionledger.service.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default: when no {@code spring.datasource.url} is given, the store is an H2 file
 * database under {@code ledger.data-dir} ({@code LEDGER_DATA_DIR}, default {@code ./data}). The path is
 * made absolute here, since H2 would otherwise resolve it against whatever directory it runs in.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("spring.datasource.url") != null) {
            return;
        }
        String dataDir = environment.getProperty("ledger.data-dir", "./data");
        Path database = Path.of(dataDir).toAbsolutePath().normalize().resolve("ledger");
        String url = "jdbc:h2:file:" + database
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        environment.getPropertySources().addLast(new MapPropertySource("ledger-embedded-database",
                Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                        "spring.datasource.password", "")));
    }
}
