package com.collectionledger.query.config;

import java.time.Duration;

/**
 * What the query side takes from the service's configuration (which holds the defaults).
 *
 * @param readModelBatchSize          events per read-model transaction
 * @param readModelSegments           segments of a new read-model processor (existing tokens keep theirs)
 * @param readModelMaxClaimedSegments at most this many segments claimed by this node; 0 for no cap
 * @param readModelClaimTimeout       how long a claim, or a node's heartbeat, holds without being renewed
 * @param readModelReplayDeadline     how long a replay may wait for every node to release its segments
 * @param nodeId                      this node's name among the nodes sharing the read model: the owner of its
 *                                    claims in the token store
 */
public record QuerySideSettings(int readModelBatchSize, int readModelSegments, int readModelMaxClaimedSegments,
                                Duration readModelClaimTimeout, Duration readModelReplayDeadline, String nodeId) {
}
