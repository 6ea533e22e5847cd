package com.collectionledger.service.rest.write;

import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.query.ViewVersionQuery;
import com.collectionledger.api.query.ViewsShownQuery;
import com.collectionledger.query.ReadModel;
import com.collectionledger.service.config.LedgerProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sends a command and waits until the read model shows its effect, so that a client's next GET
 * finds what its last write made. It subscribes to the aggregate's view version BEFORE sending, so
 * no update can slip by between the command and the wait. When the read model has not caught up
 * within the timeout the write has still happened: the answer says so instead of failing.
 * <p>
 * The update is emitted only in the JVM whose processor owns the aggregate's segment. With several
 * nodes on one database that may be another node, so the wait also reads the view's position from the
 * database, soon and then every {@value #MOST_POLL_DELAY_MS} ms, and ends at whichever shows it first. When
 * this node's processor holds the aggregate's segment the update comes here, and the first read waits
 * {@value #MOST_POLL_DELAY_MS} ms, in case the segment moves to another node meanwhile.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    /** A write that was stored: what its command answered, and whether the read model shows it yet. */
    public record Written(CommandOutcome outcome, boolean visible) {

        public String aggregateId() {
            return outcome.collectionId();
        }

        public long version() {
            return outcome.version();
        }
    }

    private static final long FIRST_POLL_DELAY_MS = 5;
    private static final long MOST_POLL_DELAY_MS = 50;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    ReadYourWrites(CommandGateway commands, QueryGateway queries, EventStore eventStore,
                   EventProcessingConfiguration processing, LedgerProperties settings) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = settings.readYourWritesTimeout();
    }

    /**
     * Sends a command that creates {@code aggregateId}; its first event is version 0. A command sent again
     * with an idempotency key answers what the first send created, which is then the written aggregate.
     */
    public Written create(String aggregateId, Object command) {
        return send(aggregateId, command, true, result -> result instanceof CommandOutcome outcome ? outcome
                : new CommandOutcome(result instanceof String created ? created : aggregateId, 0));
    }

    /** A write that created several aggregates: its first one as {@link Written}, and what the handler answered. */
    public record WrittenWith<R>(Written written, R result) {
    }

    /**
     * Sends a command that creates {@code aggregateId} and, in the same transaction, the aggregates that
     * {@code alsoCreated} reads from its result. It answers visible once the read model shows every one
     * of them, all within the one timeout.
     */
    public <R> WrittenWith<R> createWith(String aggregateId, Object command, Class<R> resultType,
                                         Function<R, List<String>> alsoCreated) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<R> result = new ArrayList<>(1);
        Written first = send(aggregateId, command, true, answer -> {
            result.add(resultType.cast(answer));
            return new CommandOutcome(aggregateId, 0);
        });
        boolean visible = first.visible() && afterTheWrite(() -> awaitShown(alsoCreated.apply(result.get(0)),
                Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))), false);
        return new WrittenWith<>(new Written(first.outcome(), visible), result.get(0));
    }

    /** Sends a command to an aggregate that exists; its handler answers a {@link CommandOutcome}. */
    public Written change(String aggregateId, Object command) {
        return send(aggregateId, command, false, CommandOutcome.class::cast);
    }

    /**
     * The payloads of the events of {@code aggregateId} up to {@code version}, oldest first, from the
     * event store: for answers the read model cannot give yet.
     */
    public List<Object> events(String aggregateId, long version) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0).forEachRemaining(event -> {
            if (event.getSequenceNumber() <= version) {
                payloads.add(event.getPayload());
            }
        });
        if (payloads.size() != version + 1) {
            throw new IllegalStateException("the event store holds no version " + version + " of " + aggregateId);
        }
        return payloads;
    }

    /**
     * What the read model shows of a write, read once it is visible; empty when it is not, or when the
     * read fails (the node that answers queries gone meanwhile): the caller then answers from the event store.
     */
    public <T> Optional<T> shown(Written written, Supplier<Optional<T>> read) {
        return written.visible() ? afterTheWrite(read::get, Optional.empty()) : Optional.empty();
    }

    /**
     * A step after the command committed. Its failure (no query handler reachable, Axon Server gone) must
     * not turn the stored write into an error answer: the write is answered from the event store instead.
     */
    private static <T> T afterTheWrite(Supplier<T> step, T otherwise) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            log.warn("the read model could not be asked after a stored write ({}); answering from the event store",
                    e.toString());
            log.debug("asking the read model failed", e);
            return otherwise;
        }
    }

    /** The payload of the event that created {@code aggregateId}, from the event store. */
    public <E> E creationEvent(String aggregateId, Class<E> type) {
        return type.cast(events(aggregateId, 0).get(0));
    }

    private Written send(String aggregateId, Object command, boolean creates, Function<Object, CommandOutcome> outcomeOf) {
        try (SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(
                new ViewVersionQuery(aggregateId), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(Long.class))) {
            long start = System.nanoTime();
            CommandOutcome outcome = outcomeOf.apply(commands.sendAndWait(command));
            long handled = System.nanoTime();
            boolean visible = afterTheWrite(() -> outcome.collectionId().equals(aggregateId)
                    ? awaitVersion(versions, aggregateId, outcome.version(), !creates)
                    : awaitEarlierWrite(outcome), false);
            log.debug("{}: command {} ms, read model {} ms", aggregateId, (handled - start) / 1_000_000,
                    (System.nanoTime() - handled) / 1_000_000);
            if (!visible && System.nanoTime() - handled >= timeout.toNanos()) {
                log.warn("read model did not show {} at version {} within {}; answering from the event store",
                        aggregateId, outcome.version(), timeout);
            }
            return new Written(outcome, visible);
        }
    }

    /**
     * The command was sent before (the same idempotency key) and answered what it wrote then, to another
     * aggregate than this send's new ID: wait for that one, which the read model most likely shows already.
     */
    private boolean awaitEarlierWrite(CommandOutcome earlier) {
        try (SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(
                new ViewVersionQuery(earlier.collectionId()), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(Long.class))) {
            return awaitVersion(versions, earlier.collectionId(), earlier.version(), true);
        }
    }

    /** Waits until the read model shows every one of these aggregates: one subscription for all of them. */
    private boolean awaitShown(List<String> aggregateIds, Duration within) {
        Set<String> pending = new HashSet<>(aggregateIds);
        if (pending.isEmpty()) {
            return true;
        }
        // Room for an update per aggregate: they may all arrive before the first is read.
        try (SubscriptionQueryResult<List<String>, String> shown = queries.subscriptionQuery(
                ViewsShownQuery.class.getName(), new ViewsShownQuery(pending),
                ResponseTypes.multipleInstancesOf(String.class), ResponseTypes.instanceOf(String.class),
                pending.size() + 1)) {
            ViewsShownQuery all = new ViewsShownQuery(pending);
            Flux<Boolean> updated = Flux.concat(shown.initialResult().flatMapIterable(ids -> ids), shown.updates())
                    .filter(id -> pending.remove(id) && pending.isEmpty())
                    .map(id -> true);
            Flux<Boolean> polled = polled(() -> queries.query(ViewsShownQuery.class.getName(), all,
                    ResponseTypes.multipleInstancesOf(String.class)).join().containsAll(all.aggregateIds()),
                    FIRST_POLL_DELAY_MS);
            return Flux.merge(updated, polled).filter(done -> done).blockFirst(within) != null;
        } catch (IllegalStateException timedOut) { // Reactor's "Timeout on blocking read"
            return false;
        }
    }

    /**
     * Waits for the read model to show {@code target}. The subscription was made before the command was sent,
     * so it hears of every update after it: the initial result (a read of the position) can only matter for an
     * aggregate that existed before, e.g. a change that wrote nothing. Another node's update is found by polls.
     */
    private boolean awaitVersion(SubscriptionQueryResult<Long, Long> versions, String aggregateId, long target,
                                 boolean existedBefore) {
        try {
            Flux<Long> updated = existedBefore ? Flux.concat(versions.initialResult(), versions.updates())
                    : versions.updates();
            Flux<Long> polled = polled(() -> queries.query(new ViewVersionQuery(aggregateId), Long.class).join(),
                    projectedHere(aggregateId) ? MOST_POLL_DELAY_MS : FIRST_POLL_DELAY_MS);
            return Flux.merge(updated, polled)
                    .filter(version -> version >= target)
                    .blockFirst(timeout) != null;
        } catch (IllegalStateException timedOut) { // Reactor's "Timeout on blocking read"
            return false;
        }
    }

    /** Whether this node's read-model processor holds the segment that projects {@code aggregateId}'s events. */
    private boolean projectedHere(String aggregateId) {
        return processing.eventProcessor(ReadModel.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .anyMatch(status -> status.getSegment().matches(aggregateId)))
                .orElse(false);
    }

    /**
     * Asks {@code read} after {@code firstDelay} ms, then after twice as long each time up to every 50 ms, on a
     * thread that may block. A failed read is skipped; the next one may succeed.
     */
    private static <T> Flux<T> polled(Callable<T> read, long firstDelay) {
        return Flux.fromStream(Stream.iterate(firstDelay, delay -> Math.min(MOST_POLL_DELAY_MS, delay * 2)))
                .concatMap(delay -> Mono.delay(Duration.ofMillis(delay), Schedulers.boundedElastic())
                        .then(Mono.fromCallable(read).onErrorResume(failed -> Mono.empty())));
    }
}
