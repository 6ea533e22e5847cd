package com.collectionledger.command.config;

import org.axonframework.config.Configuration;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.RepositorySpanFactory;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * Axon's event-sourcing repository with a cache of the state each aggregate's last committed unit of work left.
 * A load starts from a copy of that state and reads only the events stored after it (one query, which usually
 * finds none) instead of the snapshot and every event since.
 * <p>
 * Unlike Axon's {@code CachingEventSourcingRepository}, which hands every unit of work the cached instance
 * itself and reads nothing more:
 * <ul>
 * <li>each load gets its own copy: collections are locked optimistically ({@code NullLockFactory}), so two
 *     units of work may hold one aggregate at once (clones of one source do), and neither may see what the
 *     other applied and has not committed;</li>
 * <li>the state is cached after the commit, never before, so a rollback leaves the cache as it was;</li>
 * <li>the events after the cached state are always read: another node on the same database may have
 *     appended to the aggregate, and its events become part of the state as on a load without the cache. A
 *     cached state is therefore never stale, and a command on it can lose a race only as it could without
 *     the cache (an append of the same sequence number in between: 409).</li>
 * </ul>
 * At most {@code capacity} aggregates are kept, the least recently used dropped first, and the garbage
 * collector may drop any of them when memory runs short. The snapshot trigger's count is kept with the state
 * (see {@link EventCountSnapshots}), so snapshots are still taken every so many events.
 */
final class CachingAggregateRepository<T> extends EventSourcingRepository<T> {

    /** The state a committed unit of work left: nobody changes it, every load copies it. */
    private record Cached<T>(T root, long sequence, boolean deleted, SnapshotTrigger trigger) {
    }

    private final Map<String, SoftReference<Cached<T>>> cache;
    private final UnaryOperator<T> copy;
    private final EventStore eventStore;
    private final SnapshotTriggerDefinition snapshots;
    private final RepositoryProvider repositories;

    private CachingAggregateRepository(Builder<T> builder, EventStore eventStore, SnapshotTriggerDefinition snapshots,
                                       RepositoryProvider repositories, UnaryOperator<T> copy, int capacity) {
        super(builder);
        this.eventStore = eventStore;
        this.snapshots = snapshots;
        this.repositories = repositories;
        this.copy = copy;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Cached<T>>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The repository of {@code type}, built as Axon's configuration would build it, caching at most
     * {@code capacity} aggregates ({@code 0}: Axon's repository without a cache).
     *
     * @param copy      another instance with the same state, sharing nothing that an event sourcing handler changes
     * @param snapshots {@link EventCountSnapshots} or none: a trigger must not be shared by two loads
     */
    static <T> Repository<T> of(Class<T> type, UnaryOperator<T> copy, int capacity, Configuration axon,
                                LockFactory locks, SnapshotTriggerDefinition snapshots) {
        if (!(snapshots instanceof EventCountSnapshots || snapshots instanceof NoSnapshotTriggerDefinition)) {
            throw new IllegalArgumentException("a cached aggregate needs triggers that each load gets a copy of");
        }
        Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type))
                .eventStore(axon.eventStore())
                .lockFactory(locks)
                .snapshotTriggerDefinition(snapshots)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class));
        return capacity > 0
                ? new CachingAggregateRepository<>(builder, axon.eventStore(), snapshots, axon::repository, copy, capacity)
                : builder.build();
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        Cached<T> cached = cached(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = cached == null
                ? super.doLoadWithLock(aggregateIdentifier, expectedVersion)
                : spanFactory.createInitializeStateSpan(aggregateModel().type(), aggregateIdentifier)
                        .runSupplier(() -> revive(aggregateIdentifier, cached));
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        keepOnceCommitted(aggregate);
        return aggregate;
    }

    @Override
    protected EventSourcedAggregate<T> doCreateNewForLock(Callable<T> factoryMethod) throws Exception {
        EventSourcedAggregate<T> aggregate = super.doCreateNewForLock(factoryMethod);
        keepOnceCommitted(aggregate);
        return aggregate;
    }

    /** A copy of the cached state, with the events stored after it applied. */
    private EventSourcedAggregate<T> revive(String aggregateIdentifier, Cached<T> cached) {
        SnapshotTrigger trigger = snapshots.reconfigure(getAggregateType(), cached.trigger());
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.reconstruct(copy.apply(cached.root()),
                aggregateModel(), cached.sequence(), cached.deleted(), eventStore, repositories, trigger);
        DomainEventStream later = eventStore.readEvents(aggregateIdentifier, cached.sequence() + 1);
        if (later.hasNext()) {
            aggregate.initializeState(later);
        } else {
            trigger.initializationFinished();
        }
        return aggregate;
    }

    /**
     * After the unit of work commits, its aggregate is the state of every event stored for it: that state is
     * cached (unless a newer one already is). The unit of work is over, so nothing changes it any more.
     */
    private void keepOnceCommitted(EventSourcedAggregate<T> aggregate) {
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            String identifier = aggregate.identifierAsString();
            Long sequence = aggregate.version();
            if (identifier == null || sequence == null) {
                return;
            }
            Cached<T> committed = new Cached<>(aggregate.getAggregateRoot(), sequence, aggregate.isDeleted(),
                    aggregate.getSnapshotTrigger());
            synchronized (cache) {
                Cached<T> present = cachedLocked(identifier);
                if (present == null || present.sequence() <= sequence) {
                    cache.put(identifier, new SoftReference<>(committed));
                }
            }
        });
    }

    private Cached<T> cached(String aggregateIdentifier) {
        synchronized (cache) {
            return cachedLocked(aggregateIdentifier);
        }
    }

    private Cached<T> cachedLocked(String aggregateIdentifier) {
        SoftReference<Cached<T>> reference = cache.get(aggregateIdentifier);
        Cached<T> cached = reference == null ? null : reference.get();
        if (reference != null && cached == null) {
            cache.remove(aggregateIdentifier);
        }
        return cached;
    }
}
