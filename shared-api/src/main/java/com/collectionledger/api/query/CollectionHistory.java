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

    /** The API key that caused the event; null fields when it came from elsewhere (e.g. the bus). */
    public record Actor(String keyId, String name) {
    }
}
