package com.collectionledger.service.config;

import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.directory.JdbcDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;

/**
 * What a node runs, by {@code ledger.role}. A command node: the command side (aggregates, the
 * directory and its processor, the command handlers) and the write routes; a query node: the query
 * side (the read-model processor and the query handlers) and the read routes. Axon subscribes the
 * handlers of the beans there are, so a side whose beans are not created has nothing on the buses.
 * Every node keeps the rest: the database and its migrations, API keys, idempotency, the limits.
 */
@Configuration
class RoleConfiguration {

    @Configuration
    @ConditionalOnRole({Role.COMMAND, Role.BOTH})
    @ComponentScan({"com.collectionledger.command", "com.collectionledger.service.rest.write"})
    static class CommandNode {
    }

    @Configuration
    @ConditionalOnRole({Role.QUERY, Role.BOTH})
    @ComponentScan({"com.collectionledger.query", "com.collectionledger.service.rest.read"})
    static class QueryNode {
    }

    /**
     * What a query node takes from the command side when it does not run it: the directory, which
     * the API key filter reads for X-Namespace (the command nodes keep it, in the shared database),
     * the extractor catalog that read routes show, and the clock.
     */
    @Configuration
    @ConditionalOnRole(Role.QUERY)
    @Import(JdbcDirectory.class)
    static class QueryOnlyNode {

        @Bean
        ExtractorCatalog extractorCatalog() {
            return ExtractorCatalog.builtIn();
        }

        /** As the command side's: to the microsecond. */
        @Bean
        Clock clock() {
            return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        }
    }
}
