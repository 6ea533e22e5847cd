package com.collectionledger.command.web;

import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.query.ViewVersionQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Sends a command and returns once the read model shows its effect, so that a client's next GET
 * finds what its last write made. It subscribes to the aggregate's view version BEFORE sending, so
 * no update can slip by between the command and the wait.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;

    ReadYourWrites(CommandGateway commands, QueryGateway queries,
                   @Value("${ledger.read-your-writes-timeout:10s}") Duration timeout) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = timeout;
    }

    /** Sends a command that creates {@code aggregateId} and waits for its first event in the view. */
    public void create(String aggregateId, Object command) {
        send(aggregateId, command, r -> 0L);
    }

    /** Sends a command whose handler answers a {@link CommandOutcome}; waits for that version. */
    public CommandOutcome change(String aggregateId, Object command) {
        CommandOutcome[] outcome = new CommandOutcome[1];
        send(aggregateId, command, r -> {
            outcome[0] = (CommandOutcome) r;
            return outcome[0].version();
        });
        return outcome[0];
    }

    private void send(String aggregateId, Object command, java.util.function.Function<Object, Long> targetVersion) {
        try (SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(
                new ViewVersionQuery(aggregateId), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(Long.class))) {
            long start = System.nanoTime();
            Object result = commands.sendAndWait(command);
            long handled = System.nanoTime();
            long target = targetVersion.apply(result);
            Long seen = Flux.concat(versions.initialResult(), versions.updates())
                    .filter(version -> version >= target)
                    .blockFirst(timeout);
            log.debug("{}: command {} ms, read model {} ms", aggregateId, (handled - start) / 1_000_000,
                    (System.nanoTime() - handled) / 1_000_000);
            if (seen == null) {
                log.warn("read model did not show {} at version {} within {}", aggregateId, target, timeout);
            }
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Timeout on blocking read")) {
                log.warn("read model did not show {} within {}", aggregateId, timeout);
                return;
            }
            throw e;
        }
    }
}
