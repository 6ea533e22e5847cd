package com.collectionledger.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The query side's projections, query handlers and their helpers, as plain Spring beans on a {@link TestStore}.
 * Left out: the processor's wiring ({@code config}) and the replay, which need a running Axon configuration.
 */
@Configuration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "com\\.collectionledger\\.query\\.(config|replay)\\..*"))
public class ReadModelTestConfiguration {

    @Bean
    TestStore testStore() {
        return TestStore.fresh();
    }

    @Bean
    DataSource dataSource(TestStore store) {
        return store.dataSource();
    }

    @Bean
    PlatformTransactionManager transactionManager(TestStore store) {
        return store.transactions();
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    EventStore eventStore(TestStore store) {
        return store.eventStore();
    }

    @Bean
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    ReadModelFixture readModelFixture(ApplicationContext context, EventStore eventStore,
                                      PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                                      QueryUpdateEmitter emitter) {
        return new ReadModelFixture(context, eventStore, transactionManager, jdbc, emitter);
    }
}
