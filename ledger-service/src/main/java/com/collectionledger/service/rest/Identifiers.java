package com.collectionledger.service.rest;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.command.directory.JdbcDirectory;
import com.collectionledger.command.domain.Directory;
import org.springframework.stereotype.Component;

/**
 * What a write route's path names, an ID or a name, resolved through the directory (which the
 * command it sends is checked against): one that names nothing is a 404.
 */
@Component
public class Identifiers {

    private final JdbcDirectory directory;

    Identifiers(JdbcDirectory directory) {
        this.directory = directory;
    }

    /** A namespace, by ID or by name. */
    public Directory.NamespaceEntry namespace(String identifier) {
        return directory.namespaceByIdOrName(identifier)
                .orElseThrow(() -> LedgerException.notFound("namespace", identifier));
    }

    /** A live collection of the namespace, by ID or by name. */
    public String collectionId(String namespaceId, String identifier) {
        return directory.liveCollectionId(namespaceId, identifier)
                .orElseThrow(() -> LedgerException.notFound("collection", identifier));
    }

    /** A bucket of the namespace, by ID or by name. */
    public String bucketId(String namespaceId, String identifier) {
        return directory.bucketId(namespaceId, identifier)
                .orElseThrow(() -> LedgerException.notFound("bucket", identifier));
    }
}
