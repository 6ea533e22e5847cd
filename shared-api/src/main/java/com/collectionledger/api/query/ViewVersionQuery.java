package com.collectionledger.api.query;

/**
 * How far the read model has caught up with one aggregate: answers the version of the event it
 * handled last, or -1. Sent as a subscription query to wait for a write to become visible.
 */
public record ViewVersionQuery(String aggregateId) {
}
