package com.collectionledger.command.config;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * The aggregate cache on an event store shared by two nodes (two Axon configurations, each with its own
 * cache, on one storage engine): a load starts from the state the last commit left and reads only the events
 * stored after it, which include another node's.
 */
class CachingAggregateRepositoryTest {

    private final RecordingStorage storage = new RecordingStorage();
    private final List<String> snapshotsScheduled = new CopyOnWriteArrayList<>();
    private final List<Configuration> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(Configuration::shutdown);
    }

    @Test
    void aLoadStartsFromTheCommittedStateAndReadsOnlyTheEventsAfterIt() {
        Repository<Tally> tallies = node(10, 100);
        inUnitOfWork(() -> create(tallies, "t1"));

        inUnitOfWork(() -> tallies.load("t1").execute(tally -> tally.add(2)));
        inUnitOfWork(() -> tallies.load("t1").execute(tally -> tally.add(3)));

        assertThat(storage.readsFrom).as("first sequence number of each read of the stream").containsExactly(1L, 2L);
        assertThat(inUnitOfWork(() -> tallies.load("t1").invoke(Tally::total))).isEqualTo(5);
    }

    @Test
    void whatAnotherNodeAppendedAfterThisOneCachedTheAggregateIsPartOfItsNextLoad() {
        Repository<Tally> nodeA = node(10, 100);
        Repository<Tally> nodeB = node(10, 100);
        inUnitOfWork(() -> create(nodeA, "t1"));
        inUnitOfWork(() -> nodeA.load("t1").execute(tally -> tally.add(1)));

        inUnitOfWork(() -> nodeB.load("t1").execute(tally -> tally.add(10)));
        inUnitOfWork(() -> nodeA.load("t1").execute(tally -> tally.add(100)));

        assertThat(inUnitOfWork(() -> nodeA.load("t1").invoke(Tally::total))).isEqualTo(111);
        assertThat(inUnitOfWork(() -> nodeB.load("t1").invoke(Tally::total))).isEqualTo(111);
        assertThat(storedSequenceNumbers("t1")).as("no sequence number appended twice").containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void anAggregateAnotherNodeDeletedIsGoneEvenWhenCached() {
        Repository<Tally> nodeA = node(10, 100);
        Repository<Tally> nodeB = node(10, 100);
        inUnitOfWork(() -> create(nodeA, "t1"));

        inUnitOfWork(() -> nodeB.load("t1").execute(Tally::close));

        assertThatThrownBy(() -> inUnitOfWork(() -> nodeA.load("t1").invoke(Tally::total)))
                .isInstanceOf(AggregateDeletedException.class);
    }

    @Test
    void eachLoadGetsItsOwnCopyAndARolledBackChangeNeverReachesTheCache() {
        Repository<Tally> tallies = node(10, 100);
        inUnitOfWork(() -> create(tallies, "t1"));
        Tally first = inUnitOfWork(() -> tallies.load("t1").invoke(tally -> tally));

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            tallies.load("t1").execute(tally -> tally.add(7));
            throw new IllegalStateException("rolled back after applying");
        })).hasMessage("rolled back after applying");

        Tally second = inUnitOfWork(() -> tallies.load("t1").invoke(tally -> tally));
        assertThat(second).isNotSameAs(first);
        assertThat(second.total()).isZero();
        assertThat(second.amounts()).isEmpty();
        assertThat(storage.readsFrom).as("still from the cache").containsOnly(1L);
    }

    @Test
    void snapshotsAreStillTakenEverySoManyEventsWhenEachCommandLoadsFromTheCache() {
        Repository<Tally> tallies = node(10, 3);
        inUnitOfWork(() -> create(tallies, "t1"));
        inUnitOfWork(() -> tallies.load("t1").execute(tally -> tally.add(1)));
        assertThat(snapshotsScheduled).isEmpty();

        inUnitOfWork(() -> tallies.load("t1").execute(tally -> tally.add(1)));

        assertThat(snapshotsScheduled).as("the third event").containsExactly("t1");
        assertThat(storage.readsFrom).containsOnly(1L, 2L);
    }

    @Test
    void atMostTheCapacityIsKeptTheLeastRecentlyUsedDroppedFirst() {
        Repository<Tally> tallies = node(2, 100);
        inUnitOfWork(() -> create(tallies, "t1"));
        inUnitOfWork(() -> create(tallies, "t2"));
        inUnitOfWork(() -> tallies.load("t1").invoke(Tally::total));
        inUnitOfWork(() -> create(tallies, "t3"));
        storage.readsFrom.clear();

        inUnitOfWork(() -> tallies.load("t1").invoke(Tally::total));
        inUnitOfWork(() -> tallies.load("t3").invoke(Tally::total));
        inUnitOfWork(() -> tallies.load("t2").invoke(Tally::total));

        assertThat(storage.readsFrom).as("t1 and t3 cached, t2 read from the start").containsExactly(1L, 1L, 0L);
    }

    @Test
    void aCacheOfNoAggregatesIsAxonsRepository() {
        Repository<Tally> tallies = node(0, 100);
        inUnitOfWork(() -> create(tallies, "t1"));

        inUnitOfWork(() -> tallies.load("t1").execute(tally -> tally.add(4)));

        assertThat(tallies).isNotInstanceOf(CachingAggregateRepository.class);
        assertThat(storage.readsFrom).containsExactly(0L);
    }

    private Repository<Tally> node(int capacity, int snapshotThreshold) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .buildConfiguration();
        axon.start();
        nodes.add(axon);
        Snapshotter snapshotter = (type, identifier) -> snapshotsScheduled.add(identifier);
        return CachingAggregateRepository.of(Tally.class, Tally::copy, capacity, axon, NullLockFactory.INSTANCE,
                new EventCountSnapshots(snapshotter, snapshotThreshold));
    }

    private static void create(Repository<Tally> tallies, String id) {
        try {
            tallies.newInstance(() -> new Tally(id));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> storedSequenceNumbers(String id) {
        return storage.readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static void inUnitOfWork(Runnable work) {
        inUnitOfWork(() -> {
            work.run();
            return null;
        });
    }

    private static <R> R inUnitOfWork(Supplier<R> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    /** Records the first sequence number of every read of an aggregate's events: 0 is a load from the start. */
    private static final class RecordingStorage extends InMemoryEventStorageEngine {

        final List<Long> readsFrom = new CopyOnWriteArrayList<>();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            readsFrom.add(firstSequenceNumber);
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }

    record Started(String tallyId) {
    }

    record Added(String tallyId, int amount) {
    }

    record Closed(String tallyId) {
    }

    static class Tally {

        @AggregateIdentifier
        private String tallyId;
        private int total;
        private final List<Integer> amounts = new ArrayList<>();

        Tally() {
        }

        Tally(String tallyId) {
            apply(new Started(tallyId));
        }

        Tally copy() {
            Tally copy = new Tally();
            copy.tallyId = tallyId;
            copy.total = total;
            copy.amounts.addAll(amounts);
            return copy;
        }

        void add(int amount) {
            apply(new Added(tallyId, amount));
        }

        void close() {
            apply(new Closed(tallyId));
        }

        int total() {
            return total;
        }

        List<Integer> amounts() {
            return amounts;
        }

        @EventSourcingHandler
        void on(Started started) {
            tallyId = started.tallyId();
        }

        @EventSourcingHandler
        void on(Added added) {
            total += added.amount();
            amounts.add(added.amount());
        }

        @EventSourcingHandler
        void on(Closed closed) {
            markDeleted();
        }
    }
}
