package com.collectionledger.api.query;

import java.util.Set;

/**
 * Which of these aggregates the read model shows yet: answers the IDs it shows (a list of strings).
 * Sent as a subscription query, each further one arrives as an update when the read model shows it,
 * so a write that created many aggregates can wait for all of them at once.
 */
public record ViewsShownQuery(Set<String> aggregateIds) {

    public ViewsShownQuery {
        aggregateIds = Set.copyOf(aggregateIds);
    }
}
