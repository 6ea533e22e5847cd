package com.collectionledger.api.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A page of a collection's history: what happened, when, who did it and in which request. */
public record CollectionHistory(String collectionId, List<Entry> entries, long total) {

    public CollectionHistory {
        entries = List.copyOf(entries);
    }

    /**
     * One event. {@code changes} says what it did: for an update, {@code {field: {from, to}}}; for a
     * clone, the source, its version and the overridden fields; for a creation, the name and source.
     */
    public record Entry(long sequence, String eventType, Instant timestamp, Actor actor, String requestId,
                        Map<String, Object> changes) {
    }

    /**
     * What caused the event: the API key of an HTTP request ({@code keyId}, {@code name}), or the service
     * that sent the command on the bus ({@code service}); the fields of the other kind are null.
     */
    public record Actor(String keyId, String name, String service) {
    }
}
