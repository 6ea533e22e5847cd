package com.collectionledger.command.config;

import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * A snapshot every {@code threshold} events, as Axon's {@code EventCountSnapshotTriggerDefinition} takes them,
 * but with a count that survives the aggregate cache: {@link CachingAggregateRepository} keeps the trigger of the
 * state it caches, and {@link #reconfigure} hands each later load a copy of it, count included. Axon's own
 * trigger would be shared by every load of the cached state, or, made afresh, count only since the last load.
 */
final class EventCountSnapshots implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int threshold;

    EventCountSnapshots(Snapshotter snapshotter, int threshold) {
        this.snapshotter = snapshotter;
        this.threshold = threshold;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Counter(snapshotter, aggregateType, threshold, 0);
    }

    /** A copy of a trigger this definition made, with its count; any other trigger is replaced by a new one. */
    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        return trigger instanceof Counter counter
                ? new Counter(snapshotter, aggregateType, threshold, counter.counted)
                : prepareTrigger(aggregateType);
    }

    private static final class Counter extends AbstractSnapshotTrigger {

        private final int threshold;
        private int counted;

        Counter(Snapshotter snapshotter, Class<?> aggregateType, int threshold, int counted) {
            super(snapshotter, aggregateType);
            this.threshold = threshold;
            this.counted = counted;
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++counted >= threshold;
        }

        @Override
        protected void reset() {
            counted = 0;
        }
    }
}
