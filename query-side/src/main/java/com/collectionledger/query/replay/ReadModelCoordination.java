package com.collectionledger.query.replay;

import com.collectionledger.query.ReadModel;
import com.collectionledger.query.config.QuerySideSettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How the nodes that run the read-model processor on one database share it, without talking to each other:
 * through three tables. Every fifth of the claim timeout each node
 * <ul>
 *   <li>renews its heartbeat in {@code read_model_node}; the nodes whose heartbeat is younger than the claim
 *       timeout are the live ones, among which the segments are shared ({@link SegmentShare});</li>
 *   <li>looks for a pending replay in {@code read_model_replay}. It stops its processor, which releases its
 *       segments in {@code token_entry}; once no segment is claimed (a dead node's claims lapse after the claim
 *       timeout), whichever node gets there first settles the request and resets the tokens in one transaction,
 *       so the reset happens once; every node then starts its processor again. A request not settled within the
 *       replay deadline (a node that never released its segments) is abandoned by any node, and every node
 *       resumes where it was.</li>
 * </ul>
 * A node alone does all of it at once, in the request that asks for the replay.
 */
@Component
class ReadModelCoordination implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCoordination.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final NodeRegistry nodes;
    private final ReplayRequests requests;
    private final SegmentClaims claims;
    private final SegmentShare share;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String nodeId;
    private final int initialSegments;
    private final Duration claimTimeout;
    private final Duration replayDeadline;
    private ScheduledExecutorService ticks;
    /** The replay this node stopped its processor for, until it starts it again. */
    private Long stoppedFor;

    ReadModelCoordination(EventProcessingConfiguration processing, TokenStore tokenStore, TokenSchema tokenSchema,
                          JdbcTemplate jdbc, PlatformTransactionManager transactions, QuerySideSettings settings,
                          SegmentShare share, Clock clock) {
        if (!(tokenStore instanceof JdbcTokenStore jdbcTokenStore)) {
            throw new IllegalStateException("the read model's nodes coordinate through a JDBC token store, not "
                    + tokenStore.getClass().getName());
        }
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.nodes = new NodeRegistry(jdbc);
        this.requests = new ReplayRequests(jdbc);
        this.claims = new SegmentClaims(jdbc, tokenSchema, jdbcTokenStore.serializer(), ReadModel.PROCESSING_GROUP);
        this.share = share;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.nodeId = settings.nodeId();
        this.initialSegments = settings.readModelSegments();
        this.claimTimeout = settings.readModelClaimTimeout();
        this.replayDeadline = settings.readModelReplayDeadline();
    }

    /**
     * Joins before the processor starts (so that it claims no more than its share), ticks while it runs, and
     * leaves once it has stopped (so that the others take its share at once).
     */
    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, this::heartbeat);
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, this::startTicking);
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS + 1, this::stopTicking);
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 1, this::leave);
    }

    /** Asks every node for a replay, or joins the one pending, and goes as far with it as this node can. */
    ReadModelReplay.Request requestReplay() {
        ReadModelReplay.Request request = requests.request(nodeId, clock.instant());
        advanceReplay();
        return request;
    }

    Duration claimTimeout() {
        return claimTimeout;
    }

    Instant now() {
        return clock.instant();
    }

    List<SegmentClaims.Segment> segments() {
        return claims.read();
    }

    List<String> liveNodes() {
        return nodes.live(clock.instant(), claimTimeout);
    }

    Optional<ReadModelReplay.Request> latestReplay() {
        return requests.latest();
    }

    boolean processorRunning() {
        return processor().isRunning();
    }

    void tick() {
        try {
            heartbeat();
            advanceReplay();
        } catch (RuntimeException e) {
            log.warn("Read-model coordination failed; trying again in {} ms", tickMillis(), e);
        }
    }

    private void heartbeat() {
        Instant now = clock.instant();
        nodes.heartbeat(nodeId, now);
        nodes.forgetDead(now, claimTimeout);
        int segments = claims.count();
        share.shareAmong(segments == 0 ? initialSegments : segments, nodes.live(now, claimTimeout).size());
    }

    private synchronized void advanceReplay() {
        Optional<ReadModelReplay.Request> pending = requests.pending();
        if (pending.isEmpty()) {
            resume();
            return;
        }
        ReadModelReplay.Request request = pending.get();
        PooledStreamingEventProcessor processor = processor();
        if (stoppedFor == null || stoppedFor != request.generation()) {
            log.info("Replay {} asked by {}: releasing this node's read-model segments", request.generation(),
                    request.requestedBy());
            processor.shutDown();
            stoppedFor = request.generation();
        }
        Instant now = clock.instant();
        if (!now.isBefore(request.requestedAt().plus(replayDeadline))) {
            if (requests.settle(request.generation(), ReplayRequests.ABANDONED, nodeId, now)) {
                log.warn("Replay {} abandoned: not every read-model segment was released within {}",
                        request.generation(), replayDeadline);
            }
        } else if (SegmentClaims.allReleased(claims.read(), now, claimTimeout)) {
            reset(request, processor, now);
        }
        if (requests.pending().isEmpty()) {
            resume();
        }
    }

    /** Settles the request and resets the tokens in one transaction: either both happen, once, or neither. */
    private void reset(ReadModelReplay.Request request, PooledStreamingEventProcessor processor, Instant now) {
        try {
            transaction.executeWithoutResult(status -> {
                if (requests.settle(request.generation(), ReplayRequests.RESET, nodeId, now)) {
                    processor.resetTokens();
                    // Claimed by the reset; released, so that every node claims its share from the start.
                    for (SegmentClaims.Segment segment : claims.read()) {
                        tokenStore.releaseClaim(ReadModel.PROCESSING_GROUP, segment.id());
                    }
                    log.info("Replay {}: read-model tokens reset by this node", request.generation());
                }
            });
        } catch (UnableToClaimTokenException claimedMeanwhile) {
            log.debug("Replay {}: a segment was claimed meanwhile; trying again", request.generation());
        }
    }

    private void resume() {
        if (stoppedFor != null) {
            processor().start();
            stoppedFor = null;
        }
    }

    private void leave() {
        try {
            nodes.leave(nodeId);
        } catch (RuntimeException e) {
            log.warn("Could not remove this node's heartbeat; the others stop counting it after {}", claimTimeout, e);
        }
    }

    private void startTicking() {
        ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-coordination");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(this::tick, tickMillis(), tickMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopTicking() {
        if (ticks != null) {
            ticks.shutdown();
            try {
                ticks.awaitTermination(claimTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** As often as the processor's coordinator looks for segments to claim. */
    private long tickMillis() {
        return Math.max(1, claimTimeout.toMillis() / 5);
    }

    private PooledStreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModel.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no read-model processor"));
    }
}
