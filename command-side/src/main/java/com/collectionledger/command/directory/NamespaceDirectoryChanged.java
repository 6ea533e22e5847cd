package com.collectionledger.command.directory;

/**
 * A namespace's directory row was renamed or deleted, published (as a Spring application event) in the
 * transaction that changes it: whatever keeps a lookup of it in memory drops it once that transaction commits.
 */
public record NamespaceDirectoryChanged(String namespaceId) {
}
