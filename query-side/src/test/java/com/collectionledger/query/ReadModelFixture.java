package com.collectionledger.query;

import com.collectionledger.query.support.DeferredInserts;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Given events, then queries: each event is appended to the event store, read back from it and handled
 * by the read model's projections in one transaction, as the read-model processor handles it; queries go
 * over a query bus to the query side's handlers. Between tests, {@link #clear()} empties the store.
 */
public final class ReadModelFixture {

    private static final List<String> TABLES = List.of("view_field_value", "view_template", "view_lineage",
            "view_collection",
            "view_bucket", "view_namespace", "view_position", "token_entry", "snapshot_event_entry",
            "domain_event_entry");

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final List<AnnotationEventHandlerAdapter> projections;
    private final QueryBus queryBus;
    private final PlatformTransactionManager transactions;
    private final DeferredInserts deferredInserts;

    ReadModelFixture(ApplicationContext context, EventStore eventStore, PlatformTransactionManager transactions,
                     JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
        this.transactions = transactions;
        this.deferredInserts = context.getBean(DeferredInserts.class);
        this.jdbc = jdbc;
        this.projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> ReadModel.PROCESSING_GROUP.equals(
                        bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .map(AnnotationEventHandlerAdapter::new).toList();
        this.queryBus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type != null && Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(method -> method.isAnnotationPresent(QueryHandler.class))) {
                new AnnotationQueryHandlerAdapter<>(context.getBean(name)).subscribe(queryBus);
            }
        }
    }

    /** The aggregate's event {@code sequence}, stored at {@code timestamp} and handled by the projections. */
    public DomainEventMessage<?> given(String aggregateId, long sequence, Instant timestamp, Object payload) {
        return given(aggregateId, sequence, timestamp, payload, Map.of());
    }

    /** The same, with metadata (who caused it, in which request). */
    public DomainEventMessage<?> given(String aggregateId, long sequence, Instant timestamp, Object payload,
                                       Map<String, ?> metaData) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType(payload), aggregateId, sequence, payload,
                MetaData.from(metaData), UUID.randomUUID().toString(), timestamp));
        DomainEventMessage<?> stored = eventStore.readEvents(aggregateId, sequence).next();
        project(stored);
        return stored;
    }

    /**
     * The events, already stored, handled as one batch of the read-model processor: in one unit of work and
     * transaction, through its handler interceptor. With a {@code failure}, the batch throws it after its last event
     * (and rolls back). Answers whether the batch committed.
     */
    public boolean projectInOneBatch(List<? extends EventMessage<?>> events, RuntimeException failure) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.<EventMessage<?>>copyOf(events));
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        EventMessage<?> last = events.get(events.size() - 1);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            new DefaultInterceptorChain<EventMessage<?>>(unitOfWork, List.of(deferredInserts), message -> {
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(message)) {
                        projection.handle(message);
                    }
                }
                return null;
            }).proceed();
            if (failure != null && event == last) {
                throw failure;
            }
            return null;
        });
        return !result.isExceptional();
    }

    /** The aggregate's event {@code sequence}, stored at {@code timestamp}, not yet handled. */
    public DomainEventMessage<?> stored(String aggregateId, long sequence, Instant timestamp, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType(payload), aggregateId, sequence, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp));
        return eventStore.readEvents(aggregateId, sequence).next();
    }

    /** The event handled once more, as after a failed batch or during a replay. */
    public void redeliver(DomainEventMessage<?> event) {
        project(event);
    }

    /** What the projections' reset handlers do before a replay. */
    public void reset() {
        transaction.executeWithoutResult(status -> projections.forEach(AnnotationEventHandlerAdapter::prepareReset));
    }

    public <R> Optional<R> find(Object query, Class<R> type) {
        return ask(query, ResponseTypes.optionalInstanceOf(type));
    }

    public <R> R answer(Object query, Class<R> type) {
        return ask(query, ResponseTypes.instanceOf(type));
    }

    public <R> R ask(Object query, ResponseType<R> responseType) {
        try {
            QueryResponseMessage<R> response = queryBus.query(new GenericQueryMessage<>(query, responseType)).get();
            if (response.isExceptional()) {
                throw unchecked(response.exceptionResult());
            }
            return response.getPayload();
        } catch (ExecutionException | CompletionException e) {
            throw unchecked(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Every view, token and event gone: each test starts from an empty store. */
    public void clear() {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    private void project(DomainEventMessage<?> event) {
        transaction.executeWithoutResult(status -> {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    try {
                        projection.handle(event);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }

    private static RuntimeException unchecked(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** {@code Collection} for an event of {@code api.collection}, and so on. */
    private static String aggregateType(Object payload) {
        String pkg = payload.getClass().getPackageName();
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        return last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
    }
}
