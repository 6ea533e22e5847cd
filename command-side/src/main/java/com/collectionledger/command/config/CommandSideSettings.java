package com.collectionledger.command.config;

/**
 * What the command side takes from the service's configuration (which holds the defaults).
 *
 * @param snapshotThreshold  a collection's aggregate is snapshotted every this many events
 * @param aggregateCacheSize at most this many collections are kept in the aggregate cache; 0 turns it off
 */
public record CommandSideSettings(int snapshotThreshold, int aggregateCacheSize) {
}
