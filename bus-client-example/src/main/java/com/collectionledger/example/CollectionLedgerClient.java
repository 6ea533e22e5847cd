package com.collectionledger.example;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.query.CollectionHistory;
import com.collectionledger.api.query.CollectionHistoryQuery;
import com.collectionledger.api.query.CollectionLineage;
import com.collectionledger.api.query.CollectionLineageQuery;
import com.collectionledger.api.query.ViewVersionQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Another service's way to the collection ledger: it clones collections and reads where they came from
 * through Axon's gateways, with shared-api's messages. Whatever the ledger rejects arrives as a
 * {@link LedgerException} carrying the ledger's {@link LedgerError}, whose kind a caller branches on.
 * The gateways may be local (the ledger in the same process) or connected to Axon Server; then both
 * processes must serialize messages alike (see {@link LedgerSerializer}). Every command it sends names
 * the service ({@link AuditMetadata#ACTOR_SERVICE}), which the ledger records on the events the command
 * causes and shows in their history, as it does an API key for HTTP.
 */
public class CollectionLedgerClient {

    /** Descendants in the first page of a lineage. */
    static final int DESCENDANTS_PAGE = 100;

    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> caller;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration readModelWait;

    /**
     * @param service       the name of the service using the client, recorded on everything it changes
     * @param readModelWait how long {@link #clone} waits for the ledger's read model (which serves
     *                      lineage) to show the clone before it returns anyway
     */
    public CollectionLedgerClient(String service, CommandGateway commands, QueryGateway queries,
                                  Duration readModelWait) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("the service's name is required: the ledger records it as the actor");
        }
        this.caller = Map.of(AuditMetadata.ACTOR_SERVICE, service);
        this.commands = commands;
        this.queries = queries;
        this.readModelWait = readModelWait;
    }

    public CollectionLedgerClient(String service, CommandGateway commands, QueryGateway queries) {
        this(service, commands, queries, Duration.ofSeconds(10));
    }

    /**
     * Clones a collection of the namespace under a new name, with the given parts of its configuration
     * replaced ({@link CollectionOverrides#none()}: none); answers the clone's ID and version.
     *
     * @throws LedgerException what the ledger rejected, e.g. {@code ALREADY_EXISTS} for a taken name,
     *                         {@code NOT_FOUND} for a source the namespace does not have
     */
    public CommandOutcome clone(String sourceCollectionId, String namespaceId, String collectionName,
                                CollectionOverrides overrides) {
        return clone(sourceCollectionId, namespaceId, collectionName, overrides, null);
    }

    /**
     * {@link #clone(String, String, String, CollectionOverrides)} that is safe to retry: within 24 hours, a
     * clone sent again with the same {@code idempotencyKey} and the same arguments is not made again; it
     * answers the clone the first call made, even when that call failed after the ledger had stored it
     * (a connection that dropped). The same key with other arguments is a {@code VALIDATION} error.
     */
    public CommandOutcome clone(String sourceCollectionId, String namespaceId, String collectionName,
                                CollectionOverrides overrides, String idempotencyKey) {
        String cloneId = newId("col_");
        Map<String, String> metaData = new HashMap<>(caller);
        if (idempotencyKey != null) {
            metaData.put(AuditMetadata.IDEMPOTENCY_KEY, idempotencyKey);
            // Each call picks a new ID, so the request is what the caller asked for, without it.
            metaData.put(AuditMetadata.REQUEST_FINGERPRINT, fingerprint(new CloneCollectionCommand(sourceCollectionId,
                    namespaceId, null, collectionName, overrides)));
        }
        // Subscribed before sending, so that the read model's update cannot pass unseen.
        try (SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(new ViewVersionQuery(cloneId),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(Long.class))) {
            CommandOutcome outcome = send(new CloneCollectionCommand(sourceCollectionId, namespaceId, cloneId,
                    collectionName, overrides), metaData);
            if (outcome.collectionId().equals(cloneId)) {
                awaitVersion(versions, outcome.version());
            } else { // a retry, answered with the clone of the first call
                try (SubscriptionQueryResult<Long, Long> earlier = queries.subscriptionQuery(
                        new ViewVersionQuery(outcome.collectionId()), ResponseTypes.instanceOf(Long.class),
                        ResponseTypes.instanceOf(Long.class))) {
                    awaitVersion(earlier, outcome.version());
                }
            }
            return outcome;
        }
    }

    /**
     * Sends any command of shared-api, naming the service, and waits for its result.
     *
     * @throws LedgerException what the ledger rejected
     */
    public <R> R send(Object command) {
        return send(command, caller);
    }

    /**
     * {@link #send(Object)} that is safe to retry with the same command: within 24 hours, the same command
     * sent again with the same {@code idempotencyKey} is not handled again and answers what the first send
     * answered. The same key with another command is a {@code VALIDATION} error.
     */
    public <R> R send(Object command, String idempotencyKey) {
        Map<String, String> metaData = new HashMap<>(caller);
        metaData.put(AuditMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        return send(command, metaData);
    }

    private <R> R send(Object command, Map<String, String> metaData) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            throw typed(e);
        }
    }

    /** SHA-256 of the command's JSON: what makes two calls the same request. */
    private static String fingerprint(Object command) {
        try {
            byte[] json = LedgerSerializer.objectMapper().writeValueAsBytes(command);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }

    /**
     * Where the collection (an ID, or a live name) came from and the first page of what was cloned from
     * it; empty when the namespace has no such collection.
     */
    public Optional<CollectionLineage> lineage(String namespaceId, String collection) {
        return Optional.ofNullable(ask(new CollectionLineageQuery(namespaceId, collection, true, true,
                CollectionLineageQuery.DEFAULT_MAX_DEPTH, 0, DESCENDANTS_PAGE), CollectionLineage.class));
    }

    /**
     * A page of the collection's events, oldest first, read from the event store (so a write just made
     * is in it); empty when the namespace has no such collection.
     */
    public Optional<CollectionHistory> history(String namespaceId, String collection, int offset, int limit) {
        return Optional.ofNullable(ask(new CollectionHistoryQuery(namespaceId, collection, offset, limit),
                CollectionHistory.class));
    }

    /** A new ID as the ledger makes them: the type's prefix and 10 random lowercase letters and digits. */
    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    private <R> R ask(Object query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (CompletionException e) {
            throw typed(e.getCause());
        } catch (RuntimeException e) {
            throw typed(e);
        }
    }

    private void awaitVersion(SubscriptionQueryResult<Long, Long> versions, long version) {
        try {
            Flux.concat(versions.initialResult(), versions.updates())
                    .filter(shown -> shown >= version)
                    .blockFirst(readModelWait);
        } catch (IllegalStateException timedOut) { // Reactor's "Timeout on blocking read"
            // The clone is made; only lineage may not show it yet.
        }
    }

    /**
     * The ledger's typed error, if the failure carries one: a handler's failure reaches a dispatcher as a
     * CommandExecutionException or QueryExecutionException whose details are the LedgerError.
     */
    private static RuntimeException typed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandlerExecutionException handled
                    && handled.getDetails().orElse(null) instanceof LedgerError error) {
                return new LedgerException(error);
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }
}
