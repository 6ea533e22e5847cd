package com.collectionledger.query.config;

/**
 * What the query side takes from the service's configuration (which holds the defaults).
 *
 * @param readModelBatchSize events per read-model transaction
 * @param readModelSegments  segments of a new read-model processor (existing tokens keep theirs)
 */
public record QuerySideSettings(int readModelBatchSize, int readModelSegments) {
}
