package com.collectionledger.query.config;

import com.collectionledger.query.TestStore;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read model's processor with {@link WakingEventSource}, and with what Axon offers without it:
 * append-to-visible latency, each event appended alone (one client) and visible when the processor's
 * transaction that wrote a row for it has committed; and catch-up, the rate at which a processor
 * started behind a store of events (a restart, a replay) makes them visible. H2 in memory. Not part of
 * the suite (surefire runs {@code *Test} classes only):
 * <pre>
 * mvn -B -o -pl query-side -am test -Dtest=WakeUpLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class WakeUpLatencyBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.wake-up-events", 50);
    private static final int CATCH_UP_EVENTS = Integer.getInteger("bench.catch-up-events", 20_000);
    private static final int PASSES = Integer.getInteger("bench.passes", 3);
    private static final int SEGMENTS = 16;
    private static final int BATCH_SIZE = 100;

    record Ping(int number) {
    }

    /** A way to run the read model's processor on a store. */
    private interface Setup {
        Running start(TestStore store, Object handler);
    }

    private interface Running extends AutoCloseable {
        @Override
        void close();
    }

    @Test
    void run() throws Exception {
        Map<String, Setup> setups = new LinkedHashMap<>();
        setups.put("pooled, " + SEGMENTS + " segments, on WakingEventSource (the service's)", (store, handler) -> {
            WakingEventSource source = new WakingEventSource(store.eventStore());
            source.start();
            Running processor = pooled(store, handler, source);
            return () -> {
                processor.close();
                source.stop();
            };
        });
        setups.put("pooled, " + SEGMENTS + " segments, on the event store (Axon's own)",
                (store, handler) -> pooled(store, handler, null));
        setups.put("tracking, " + SEGMENTS + " threads and segments (Axon's blocking streams)",
                WakeUpLatencyBenchmark::tracking);
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        // The machine is shared and noisy: the setups take turns, the first pass only warms the JVM for all
        // alike, and each figure reported is the median over the other passes.
        for (int pass = 0; pass <= PASSES; pass++) {
            for (Map.Entry<String, Setup> setup : setups.entrySet()) {
                double[] latency = latency(setup.getValue());
                double[] result = {latency[0], latency[1], latency[2], catchUp(setup.getValue())};
                if (pass > 0) {
                    results.computeIfAbsent(setup.getKey(), key -> new ArrayList<>()).add(result);
                }
            }
        }
        StringBuilder table = new StringBuilder("| processor | append-to-visible p50 | p99 | mean | catch-up of "
                + CATCH_UP_EVENTS + " events |\n|---|---|---|---|---|\n");
        results.forEach((name, passes) -> table.append(String.format(Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms | %.0f events/s |%n", name, median(passes, 0), median(passes, 1),
                median(passes, 2), median(passes, 3))));
        System.out.println("\nH2 in memory; latency over " + EVENTS + " events appended one at a time; medians of "
                + PASSES + " passes\n" + table);
    }

    private static double median(List<double[]> passes, int column) {
        double[] values = passes.stream().mapToDouble(result -> result[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /** p50, p99 and mean in milliseconds. */
    private static double[] latency(Setup setup) throws InterruptedException {
        try (TestStore store = TestStore.fresh()) {
            BlockingQueue<Long> visible = new LinkedBlockingQueue<>();
            try (Running ignored = setup.start(store, projection(store, visible))) {
                for (int i = 0; i < 10; i++) {
                    appendAndWait(store, visible, -1 - i);
                }
                double[] millis = new double[EVENTS];
                for (int i = 0; i < EVENTS; i++) {
                    millis[i] = appendAndWait(store, visible, i);
                }
                double mean = Arrays.stream(millis).average().orElse(0);
                Arrays.sort(millis);
                return new double[]{millis[EVENTS / 2], millis[(int) Math.ceil(EVENTS * 0.99) - 1], mean};
            }
        }
    }

    /** Events per second, from the processor's start until the last of the stored events is visible. */
    private static double catchUp(Setup setup) throws InterruptedException {
        try (TestStore store = TestStore.fresh()) {
            for (int from = 0; from < CATCH_UP_EVENTS; from += 100) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(CATCH_UP_EVENTS, from + 100); i++) {
                    batch.add(GenericEventMessage.asEventMessage(new Ping(i)));
                }
                store.eventStore().publish(batch);
            }
            BlockingQueue<Long> visible = new LinkedBlockingQueue<>();
            long start = System.nanoTime();
            try (Running ignored = setup.start(store, projection(store, visible))) {
                long last = start;
                for (int i = 0; i < CATCH_UP_EVENTS; i++) {
                    Long shown = visible.poll(60, TimeUnit.SECONDS);
                    if (shown == null) {
                        throw new IllegalStateException("caught up with " + i + " events only");
                    }
                    last = Math.max(last, shown);
                }
                return CATCH_UP_EVENTS / ((last - start) / 1e9);
            }
        }
    }

    /** Like a projection: one row per event, in the processor's transaction; reports when that commits. */
    private static Object projection(TestStore store, BlockingQueue<Long> visible) {
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        return new Object() {
            @EventHandler
            void on(Ping ping) {
                jdbc.update("INSERT INTO view_position (aggregate_id, version) VALUES (?, 0)", "ping_" + ping.number());
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> visible.add(System.nanoTime()));
            }
        };
    }

    private static double appendAndWait(TestStore store, BlockingQueue<Long> visible, int number)
            throws InterruptedException {
        long start = System.nanoTime();
        store.eventStore().publish(GenericEventMessage.asEventMessage(new Ping(number)));
        Long shown = visible.poll(30, TimeUnit.SECONDS);
        if (shown == null) {
            throw new IllegalStateException("event " + number + " not visible within 30 s");
        }
        return (shown - start) / 1e6;
    }

    /** As the service configures the read model's processor (Axon's default pools), on {@code source} or the store. */
    private static Running pooled(TestStore store, Object handler, WakingEventSource source) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(4);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("bench")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(source != null ? source : store.eventStore())
                .tokenStore(store.tokenStore())
                .transactionManager(store.axonTransactions())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(SEGMENTS)
                .batchSize(BATCH_SIZE)
                .build();
        processor.start();
        return () -> {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        };
    }

    private static Running tracking(TestStore store, Object handler) {
        EventProcessor processor = TrackingEventProcessor.builder()
                .name("bench")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store.eventStore())
                .tokenStore(store.tokenStore())
                .transactionManager(store.axonTransactions())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(SEGMENTS).andInitialSegmentsCount(SEGMENTS).andBatchSize(BATCH_SIZE))
                .build();
        processor.start();
        return processor::shutDown;
    }
}
