package com.collectionledger.query.config;

import java.time.Duration;

/**
 * What the query side takes from the service's configuration (which holds the defaults).
 *
 * @param readModelBatchSize          events per read-model transaction
 * @param readModelSegments           segments of a new read-model processor (existing tokens keep theirs)
 * @param readModelMaxClaimedSegments at most this many segments claimed by this node; 0 for no cap
 * @param readModelClaimTimeout       how long a claim holds without being extended
 */
public record QuerySideSettings(int readModelBatchSize, int readModelSegments, int readModelMaxClaimedSegments,
                                Duration readModelClaimTimeout) {
}
