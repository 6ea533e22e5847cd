package com.collectionledger.query.collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * How the reads that outlive a collection (history, points in time, lineage) find it: by its ID,
 * also once deleted, or by the name of a live collection of the namespace.
 */
@Component
public class CollectionIdentifiers {

    private final JdbcTemplate jdbc;

    CollectionIdentifiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The collection's ID; whether it belongs to the namespace is for the caller to check. */
    public Optional<String> collectionId(String namespaceId, String identifier) {
        if (identifier.startsWith("col_")) {
            return Optional.of(identifier);
        }
        return jdbc.queryForList("SELECT collection_id FROM view_collection WHERE namespace_id = ? "
                + "AND collection_name = ? AND NOT deleted", String.class, namespaceId, identifier).stream().findFirst();
    }
}
