package com.collectionledger.command.config;

import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.namespace.NamespaceCascade;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

@Configuration
public class CommandSideConfiguration {

    /** The processing group of the command side's own lookup tables; see DirectoryProjection. */
    public static final String DIRECTORY_GROUP = "directory";

    @Bean
    ExtractorCatalog extractorCatalog() {
        return ExtractorCatalog.builtIn();
    }

    /**
     * Collections load from the aggregate cache (see {@link CachingAggregateRepository}), and those with long
     * histories that are not cached from a snapshot taken every so many events.
     * <p>
     * Optimistic, not pessimistic, locking: a clone appends to the NEW aggregate's stream, so clones of one
     * source need not queue behind each other; two changes of one collection that race both try to append the
     * same sequence number, and the event store's unique key lets exactly one win (the other gets 409
     * ConflictError). Names and sources are guarded by the directory's keys and row locks, not by this lock.
     */
    @Bean
    Repository<Collection> collectionRepository(org.axonframework.config.Configuration axon, Snapshotter snapshotter,
                                                CommandSideSettings settings) {
        return CachingAggregateRepository.of(Collection.class, Collection::copy, settings.aggregateCacheSize(), axon,
                NullLockFactory.INSTANCE, new EventCountSnapshots(snapshotter, settings.snapshotThreshold()));
    }

    /** Lazy: the repositories come from Axon's configuration, which resolves command handler resources. */
    @Bean
    NamespaceCascade namespaceCascade(@Lazy Repository<Collection> collections, @Lazy Repository<Bucket> buckets) {
        return new AggregateCascade(collections, buckets);
    }

    /** To the microsecond, which both stores keep: a time read back from a view column equals the event's. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * The directory must be written in the appending transaction (subscribing), and a failure there
     * must fail the command instead of being logged and skipped.
     */
    @Autowired
    void configureDirectory(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(DIRECTORY_GROUP)
                .registerListenerInvocationErrorHandler(DIRECTORY_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The command bus Axon's auto-configuration would make (and the local segment of Axon Server's),
     * but one that checks bus commands and types every failure, commit included: see {@link LedgerCommandBus};
     * and handles a command sent again with the same idempotency key once: see {@link CommandDeduplication}.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver, JdbcTemplate jdbc,
                                Clock clock) {
        CommandDeduplication deduplication = new CommandDeduplication(jdbc, clock);
        SimpleCommandBus commandBus = new LedgerCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")), deduplication);
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        commandBus.registerHandlerInterceptor(deduplication);
        return commandBus;
    }
}
