package com.collectionledger.command.directory;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.api.error.Violation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the command side's {@link JdbcDirectory} tables. It runs in a subscribing processor, so it
 * writes in the same transaction that appends the event: a unique key here that another
 * transaction claimed first rolls the whole command back. That is what makes names unique under
 * concurrency.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
class DirectoryProjection {

    static final String GROUP = "directory";

    private final JdbcTemplate jdbc;
    private final DirectoryJson json;

    DirectoryProjection(JdbcTemplate jdbc, DirectoryJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(NamespaceCreated event) {
        try {
            jdbc.update("INSERT INTO dir_namespace (namespace_id, namespace_name, feature_extractors) VALUES (?, ?, ?)",
                    event.namespaceId(), event.namespaceName(), json.write(event.featureExtractors()));
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("namespace", event.namespaceName());
        }
    }

    @EventHandler
    void on(NamespaceCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(BucketCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(BucketCreated event) {
        try {
            jdbc.update("INSERT INTO dir_bucket (bucket_id, namespace_id, bucket_name, bucket_schema) VALUES (?, ?, ?, ?)",
                    event.bucketId(), event.namespaceId(), event.bucketName(), json.write(event.bucketSchema()));
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("bucket", event.bucketName());
        }
    }

    @EventHandler
    void on(CollectionCreated event) {
        addCollection(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(), event.schemas());
    }

    @EventHandler
    void on(CollectionCloned event) {
        addCollection(event.collectionId(), event.namespaceId(), event.collectionName(), event.config(), event.schemas());
    }

    @EventHandler
    void on(CollectionUpdated event) {
        if (event.changedFields().contains("collection_name")) {
            jdbc.update("DELETE FROM dir_collection_name WHERE collection_id = ?", event.collectionId());
            claimName(event.namespaceId(), event.collectionName(), event.collectionId());
            jdbc.update("UPDATE dir_collection SET collection_name = ? WHERE collection_id = ?",
                    event.collectionName(), event.collectionId());
        }
    }

    @EventHandler
    void on(CollectionDeleted event) {
        jdbc.update("DELETE FROM dir_collection_name WHERE collection_id = ?", event.collectionId());
        jdbc.update("UPDATE dir_collection SET deleted = TRUE WHERE collection_id = ?", event.collectionId());
    }

    private void addCollection(String collectionId, String namespaceId, String name, CollectionConfig config,
                               CollectionSchemas schemas) {
        claimName(namespaceId, name, collectionId);
        jdbc.update("""
                        INSERT INTO dir_collection (collection_id, namespace_id, collection_name, output_schema,
                                                    feature_extractor_id, source_lineage, deleted)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                collectionId, namespaceId, name, json.write(schemas.outputSchema()),
                config.featureExtractor().featureExtractorId(), json.write(schemas.sourceLineage()));
        for (String source : config.source().sourceCollectionIds()) {
            // Takes the source's row lock (a deletion of it holds the same lock) and sees whether it
            // was deleted since the command checked it.
            int live = jdbc.update("UPDATE dir_collection SET deleted = deleted WHERE collection_id = ? AND NOT deleted",
                    source);
            if (live == 0) {
                throw DomainException.invalid(List.of(Violation.at("collection '" + source
                        + "' was deleted while this request ran", "not_found", "body", "source", "collection_id")));
            }
            jdbc.update("INSERT INTO dir_collection_source (collection_id, source_collection_id) VALUES (?, ?)",
                    collectionId, source);
        }
    }

    private void claimName(String namespaceId, String name, String collectionId) {
        try {
            jdbc.update("INSERT INTO dir_collection_name (namespace_id, collection_name, collection_id) VALUES (?, ?, ?)",
                    namespaceId, name, collectionId);
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("collection", name);
        }
    }
}
