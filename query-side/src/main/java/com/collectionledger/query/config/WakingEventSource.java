package com.collectionledger.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read model processor's source, with streams that say when events arrive.
 * <p>
 * Why: a pooled streaming processor whose stream cannot report new events polls it every 500 ms (a
 * constant of Axon's coordinator), and the embedded event store's streams cannot. Every write would
 * then wait ~250-500 ms to show up in the read model. Here one daemon thread tails the store (its
 * consumer shares the store's cache with the processor's) and runs the processors' availability
 * callbacks as soon as it sees an event, so the processor wakes at once and finds that event in its
 * own stream.
 * <p>
 * Axon's lifecycle runs the tail: it starts after the event store and before the processors, and stops
 * after them and before the store shuts down.
 */
@Component
class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, Lifecycle {

    private static final int PHASE = Phase.INBOUND_EVENT_CONNECTORS - 1;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private volatile Thread tail;

    WakingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public void registerLifecycleHandlers(@Nonnull LifecycleRegistry lifecycle) {
        lifecycle.onStart(PHASE, this::start);
        lifecycle.onShutdown(PHASE, this::stop);
    }

    /** Tails the store from its head: every event appended after this returns wakes the streams. */
    synchronized void start() {
        if (tail == null) {
            BlockingStream<TrackedEventMessage<?>> head = eventStore.openStream(eventStore.createHeadToken());
            tail = new Thread(() -> tail(head), "event-store-tail");
            tail.setDaemon(true);
            tail.start();
        }
    }

    /** Ends the tail and waits (briefly) until it has closed its stream. */
    synchronized void stop() {
        Thread stopping = tail;
        tail = null;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new WakingStream(eventStore.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private void tail(BlockingStream<TrackedEventMessage<?>> opened) {
        Thread self = Thread.currentThread();
        BlockingStream<TrackedEventMessage<?>> stream = opened;
        try {
            while (tail == self) {
                try {
                    if (stream == null) {
                        stream = eventStore.openStream(eventStore.createHeadToken());
                    }
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        stream.nextAvailable();
                        wakeAll();
                    }
                } catch (RuntimeException e) {
                    // Meanwhile the processors look on their own, every few seconds; try again shortly.
                    log.debug("tailing the event store failed; reopening", e);
                    closeQuietly(stream);
                    stream = null;
                    Thread.sleep(RETRY_DELAY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            closeQuietly(stream);
        }
    }

    private void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // One processor's failure (e.g. one shutting down) must not keep the others asleep.
                log.debug("waking a stream failed", e);
            }
        }
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                log.debug("closing the tail's stream failed", e);
            }
        }
    }

    /** The store's stream, plus an availability callback driven by the tail thread. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
