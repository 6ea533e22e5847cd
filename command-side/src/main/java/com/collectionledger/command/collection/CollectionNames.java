package com.collectionledger.command.collection;

import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Names;

/** A collection name must be valid and unique among the live collections of its namespace. */
final class CollectionNames {

    static final String ID_PREFIX = "col_";

    private CollectionNames() {
    }

    static void require(Directory directory, String namespaceId, String name) {
        Names.require("collection_name", name, ID_PREFIX);
        if (directory.collectionNamed(namespaceId, name).isPresent()) {
            throw DomainException.nameTaken("collection", name);
        }
    }
}
