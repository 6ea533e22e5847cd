package com.collectionledger.command.config;

/**
 * What the command side takes from the service's configuration (which holds the defaults).
 *
 * @param snapshotThreshold a collection's aggregate is snapshotted every this many events
 */
public record CommandSideSettings(int snapshotThreshold) {
}
