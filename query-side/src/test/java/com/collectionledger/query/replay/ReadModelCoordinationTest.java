package com.collectionledger.query.replay;

import com.collectionledger.query.ReadModel;
import com.collectionledger.query.ReadModelTestConfiguration;
import com.collectionledger.query.SampleEvents;
import com.collectionledger.query.TestStore;
import com.collectionledger.query.config.QuerySideSettings;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes sharing the read model on one H2 database, each an Axon configuration of its own with the query side's
 * projections, its own token store (claims in its name) and its own coordination: a replay asked of one node is
 * carried out by all (one reset), the segments are shared among the live nodes and move when one stops.
 * The coordination's clocks stand still unless a test moves them; every wait is on a condition.
 */
class ReadModelCoordinationTest {

    private static final int SEGMENTS = 16;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REPLAY_DEADLINE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private AnnotationConfigApplicationContext context;
    private TestStore store;
    private JdbcTemplate jdbc;
    private final ResetCounter resets = new ResetCounter();
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void store() {
        context = new AnnotationConfigApplicationContext(ReadModelTestConfiguration.class);
        store = context.getBean(TestStore.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterEach
    void stop() {
        nodes.stream().filter(node -> node.processor().isRunning()).forEach(Node::close);
        context.close();
    }

    @Test
    void aReplayAskedOfOneNodeResetsOnceAndEveryNodeResumesWithTheSameReadModel() {
        publishEvents(30);
        Node a = start("node-a");
        Node b = start("node-b");
        awaitSplit(a, b);
        awaitLive(a);
        ReadModelReplay.Digest before = a.replay.digest();

        ReadModelReplay.Status asked = a.replay.start();
        assertThat(asked.replay().generation()).as("the request").isEqualTo(1);

        awaitLive(a);
        awaitLive(b);
        assertThat(resets.count.get()).as("reset handlers called, across both nodes").isEqualTo(1);
        assertThat(a.replay.status().replay()).as("the request, settled")
                .matches(request -> request.generation() == 1 && request.state().equals(ReplayRequests.RESET));
        assertThat(a.processor().isRunning()).isTrue();
        assertThat(b.processor().isRunning()).isTrue();
        awaitSplit(a, b);
        assertThat(b.replay.digest()).as("the replayed read model").isEqualTo(before);
        assertThat(b.replay.status().nodes()).extracting(ReadModelReplay.Node::node).containsExactly("node-a", "node-b");
    }

    @Test
    void theSegmentsAreSharedAmongTheLiveNodesAndMoveToTheOthersWhenOneStops() {
        publishEvents(5);
        Node a = start("node-a");
        await("A alone claims every segment").atMost(WAIT).until(() -> a.claimed() == SEGMENTS);
        Node b = start("node-b");
        awaitSplit(a, b);
        Node c = start("node-c");
        await("three nodes share them (6, 6 and 4 or 5, 5 and 6)").atMost(WAIT)
                .until(() -> a.claimed() + b.claimed() + c.claimed() == SEGMENTS
                        && List.of(a, b, c).stream().allMatch(node -> node.claimed() >= 4 && node.claimed() <= 6));

        c.close();
        awaitSplit(a, b);
        a.close();
        await("B takes A's segments once A has left").atMost(WAIT).until(() -> b.claimed() == SEGMENTS);
        awaitLive(b);
    }

    @Test
    void aReplayAskedByANodeThatDiedMeanwhileIsCarriedOutByTheOthers() {
        publishEvents(10);
        Node a = start("node-a");
        Node b = start("node-b");
        awaitSplit(a, b);
        awaitLive(a);
        ReadModelReplay.Digest before = a.replay.digest();

        jdbc.update("INSERT INTO read_model_replay (generation, state, requested_by, requested_at) VALUES (1, ?, ?, ?)",
                ReplayRequests.REQUESTED, "gone@nowhere", NodeRegistry.at(a.clock.instant()));

        await("the request carried out").atMost(WAIT)
                .until(() -> a.replay.status().replay().state().equals(ReplayRequests.RESET));
        awaitLive(a);
        awaitLive(b);
        assertThat(resets.count.get()).isEqualTo(1);
        assertThat(a.replay.digest()).isEqualTo(before);
    }

    @Test
    void aReplayWaitsForEveryNodeToReleaseItsSegmentsAndIsAbandonedAtTheDeadline() {
        publishEvents(10);
        // A node of an older version: it claims a segment and knows nothing of replay requests.
        Node old = startWithoutCoordination("old-version");
        await("the old node claims its segment").atMost(WAIT).until(() -> old.claimed() == 1);
        Node a = start("node-a");
        Node b = start("node-b");
        await("A and B claim the rest").atMost(WAIT).until(() -> a.claimed() + b.claimed() == SEGMENTS - 1);

        ReadModelReplay.Request asked = a.coordination.requestReplay();
        ReadModelReplay.Request joined = b.coordination.requestReplay();
        assertThat(joined.generation()).as("a second request while one is pending joins it")
                .isEqualTo(asked.generation());
        await("A and B stopped, waiting for the old node").atMost(WAIT)
                .until(() -> !a.processor().isRunning() && !b.processor().isRunning());
        ReadModelReplay.Status waiting = b.replay.status();
        assertThat(waiting.state()).isEqualTo("replaying");
        assertThat(waiting.percent()).isZero();
        assertThat(waiting.replay().state()).isEqualTo(ReplayRequests.REQUESTED);

        b.clock.advance(REPLAY_DEADLINE);
        await("every node resumes").atMost(WAIT).until(() -> a.processor().isRunning() && b.processor().isRunning());
        assertThat(a.replay.status().replay()).matches(request -> request.state().equals(ReplayRequests.ABANDONED)
                && request.settledBy().equals("node-b"));
        assertThat(resets.count.get()).as("no reset").isZero();
        await("A and B claim the rest again").atMost(WAIT).until(() -> a.claimed() + b.claimed() == SEGMENTS - 1);
    }

    // ---- nodes ------------------------------------------------------------------------------------------

    private void awaitSplit(Node a, Node b) {
        await("the segments split 8/8 between " + a.id + " and " + b.id).atMost(WAIT)
                .until(() -> a.claimed() == SEGMENTS / 2 && b.claimed() == SEGMENTS / 2);
    }

    private void awaitLive(Node node) {
        await("the read model live and at the head, seen from " + node.id).atMost(WAIT).until(() -> {
            ReadModelReplay.Status status = node.replay.status();
            return status.state().equals("live") && status.position() >= status.head();
        });
    }

    private void publishEvents(int namespaces) {
        for (int i = 0; i < namespaces; i++) {
            String namespaceId = "ns_coordin" + String.format("%03d", i);
            publish(namespaceId, 0, SampleEvents.namespaceCreated(namespaceId, "space-" + i, SampleEvents.minutes(i)));
            String collectionId = "col_coordin" + String.format("%03d", i);
            publish(collectionId, 0, SampleEvents.collectionCreated(collectionId, namespaceId, "articles",
                    SampleEvents.readingBucket("bkt_articles"), SampleEvents.minutes(i)));
        }
    }

    private void publish(String aggregateId, long sequence, Object payload) {
        String type = payload.getClass().getSimpleName().startsWith("Namespace") ? "Namespace" : "Collection";
        store.eventStore().publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));
    }

    private Node start(String id) {
        return start(id, 0, true);
    }

    private Node startWithoutCoordination(String id) {
        return start(id, 1, false);
    }

    private Node start(String id, int cap, boolean coordinated) {
        QuerySideSettings settings = new QuerySideSettings(100, SEGMENTS, cap, CLAIM_TIMEOUT, REPLAY_DEADLINE, id);
        TokenStore tokens = store.tokenStore(id, CLAIM_TIMEOUT);
        SegmentShare share = new SegmentShare(settings);
        long claimCheck = CLAIM_TIMEOUT.toMillis() / 5;
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> TestStore.serializer())
                .configureTransactionManager(c -> store.axonTransactions())
                .registerComponent(TokenStore.class, c -> tokens);
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ReadModel.PROCESSING_GROUP, c -> store.eventStore(),
                        (c, builder) -> builder.batchSize(100).initialSegmentCount(SEGMENTS)
                                .tokenClaimInterval(claimCheck).claimExtensionThreshold(claimCheck)
                                .maxSegmentProvider(share))
                .registerListenerInvocationErrorHandler(ReadModel.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
        projections().forEach(projection -> configurer.eventProcessing().registerEventHandler(c -> projection));
        configurer.eventProcessing().registerEventHandler(c -> resets);
        Configuration axon = configurer.buildConfiguration();
        StoppedClock clock = new StoppedClock(Instant.now());
        ReadModelCoordination coordination = new ReadModelCoordination(axon.eventProcessingConfiguration(), tokens,
                TestStore.tokenSchema(), jdbc, store.transactions(), settings, share, clock);
        if (coordinated) {
            ((Lifecycle) coordination).registerLifecycleHandlers(axon.lifecycleRegistry());
        }
        axon.start();
        Node node = new Node(id, axon, coordination, new ReadModelReplay(coordination, store.eventStore(), jdbc), clock);
        nodes.add(node);
        return node;
    }

    private Collection<Object> projections() {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> ReadModel.PROCESSING_GROUP.equals(
                        bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .toList();
    }

    private record Node(String id, Configuration axon, ReadModelCoordination coordination, ReadModelReplay replay,
                        StoppedClock clock) {

        PooledStreamingEventProcessor processor() {
            return axon.eventProcessingConfiguration()
                    .eventProcessor(ReadModel.PROCESSING_GROUP, PooledStreamingEventProcessor.class).orElseThrow();
        }

        int claimed() {
            return processor().processingStatus().size();
        }

        void close() {
            axon.shutdown();
        }
    }

    /** Counts the read model's resets, on every node (a handler of the read model's group). */
    @ProcessingGroup(ReadModel.PROCESSING_GROUP)
    static final class ResetCounter {

        final AtomicInteger count = new AtomicInteger();

        @ResetHandler
        void reset() {
            count.incrementAndGet();
        }
    }

    /** A clock that moves only when a test says so. */
    static final class StoppedClock extends Clock {

        private volatile Instant now;

        StoppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }
    }
}
