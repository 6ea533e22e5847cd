package com.collectionledger.service.rest.write;

/**
 * Checked before a namespace is renamed over HTTP. API keys name the namespaces they may use, by
 * ID, name or pattern: the assembly that holds the keys refuses a rename that would change which
 * keys may use the namespace (a LedgerException).
 */
public interface NamespaceRenameGuard {

    void checkRename(String namespaceId, String currentName, String newName);
}
