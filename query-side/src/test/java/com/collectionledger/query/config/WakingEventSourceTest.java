package com.collectionledger.query.config;

import com.collectionledger.query.TestStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model processor's source on a real JDBC event store: who is woken, when, and for how long. */
class WakingEventSourceTest {

    /** Far longer than any wait below: what a processor sleeps when nothing wakes it. */
    private static final long IDLE_POLL_MILLIS = Duration.ofMinutes(10).toMillis();
    /** How long a test waits for what should happen at once, on a loaded machine. */
    private static final long BOUND_SECONDS = 30;

    record Ping(int number) {
    }

    private TestStore store;
    private WakingEventSource source;

    @BeforeEach
    void store() {
        store = TestStore.fresh();
        source = new WakingEventSource(store.eventStore());
    }

    @AfterEach
    void stop() {
        source.stop();
        store.close();
    }

    @Test
    void aStreamIsWokenOnlyOnceItCanReadTheAppendedEvent() throws InterruptedException {
        source.start();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        CountDownLatch woken = new CountDownLatch(1);
        stream.setOnAvailableCallback(woken::countDown);

        append(new Ping(1));

        assertThat(woken.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Ping(1));
        stream.close();
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        source.start();
        AtomicInteger closedWoken = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createHeadToken());
        closed.setOnAvailableCallback(closedWoken::incrementAndGet);
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createHeadToken());
        CountDownLatch openWoken = new CountDownLatch(1);
        open.setOnAvailableCallback(openWoken::countDown);
        closed.close();

        append(new Ping(1));

        // Streams are woken in the order they asked, so the closed one would have been woken first.
        assertThat(openWoken.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(closedWoken).hasValue(0);
        open.close();
    }

    @Test
    void aStreamIsWokenAgainAfterTheTailIsStoppedAndStarted() throws InterruptedException {
        source.start();
        source.stop();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().equals("event-store-tail") && thread.isAlive());

        source.start();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        CountDownLatch woken = new CountDownLatch(1);
        stream.setOnAvailableCallback(woken::countDown);
        append(new Ping(1));

        assertThat(woken.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        stream.close();
    }

    @Test
    void theTailRunsFromBeforeTheProcessorsStartUntilAfterTheyStopAndTheStoreStaysUpMeanwhile() {
        PooledStreamingEventProcessor processor = processor(new Object(), Executors.newSingleThreadScheduledExecutor());
        Map<String, Integer> tail = phases(source);
        Map<String, Integer> processors = phases(processor);
        Map<String, Integer> eventStore = phases(store.eventStore());

        // Axon starts the lower phases first and shuts the higher phases down first.
        assertThat(tail.get("start")).isLessThan(processors.get("start"));
        assertThat(tail.get("shutdown")).isLessThan(processors.get("shutdown"))
                .isGreaterThan(eventStore.get("shutdown"));
    }

    @Test
    void aPooledProcessorHandlesAnAppendedEventWithoutWaitingForItsIdlePoll() throws InterruptedException {
        BlockingQueue<Ping> handled = new LinkedBlockingQueue<>();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = processor(new Object() {
            @EventHandler
            void on(Ping ping) {
                handled.add(ping);
            }
        }, executor);
        source.start();
        processor.start();
        try {
            append(new Ping(1));
            assertThat(handled.poll(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Ping(1));

            // Now idle: without a wake-up the processor would not look again for IDLE_POLL_MILLIS.
            append(new Ping(2));
            assertThat(handled.poll(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(new Ping(2));
        } finally {
            processor.shutDown();
            executor.shutdownNow();
        }
    }

    private PooledStreamingEventProcessor processor(Object handler, ScheduledExecutorService executor) {
        return PooledStreamingEventProcessor.builder()
                .name("wake-up-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(source)
                .tokenStore(store.tokenStore())
                .transactionManager(store.axonTransactions())
                .coordinatorExecutor(executor)
                .workerExecutor(executor)
                .initialSegmentCount(2)
                .tokenClaimInterval(IDLE_POLL_MILLIS)
                .claimExtensionThreshold(IDLE_POLL_MILLIS)
                .build();
    }

    private void append(Object payload) {
        store.eventStore().publish(GenericEventMessage.asEventMessage(payload));
    }

    /** The phases in which a component asks Axon to start and to shut it down. */
    private static Map<String, Integer> phases(Lifecycle component) {
        Map<String, Integer> phases = new HashMap<>();
        component.registerLifecycleHandlers(new Lifecycle.LifecycleRegistry() {
            @Override
            public void onStart(int phase, @Nonnull Lifecycle.LifecycleHandler action) {
                phases.put("start", phase);
            }

            @Override
            public void onShutdown(int phase, @Nonnull Lifecycle.LifecycleHandler action) {
                phases.put("shutdown", phase);
            }
        });
        return phases;
    }
}
