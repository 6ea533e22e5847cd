package com.collectionledger.command.directory;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.collection.rules.InputSchemaFit;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.support.StoredJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the command side's {@link JdbcDirectory} tables. It runs in a subscribing processor, so it
 * writes in the same transaction that appends the event: a unique key here that another
 * transaction claimed first rolls the whole command back. That is what makes names unique under
 * concurrency.
 *
 * <p>Creating a bucket or a collection locks its namespace's row first. Every change that rules
 * check against the namespace's contents (its extractors, a bucket's schema, a bucket's or the
 * namespace's deletion) takes the same lock before it looks ({@code Directory.lockNamespace}). A
 * create re-checks here, under the lock, what its command read before: a change that committed in
 * between makes the create fail instead of leaving a collection that breaks the rules.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
class DirectoryProjection {

    static final String GROUP = "directory";

    private final JdbcTemplate jdbc;
    private final JdbcDirectory directory;
    private final ApplicationEventPublisher changes;

    DirectoryProjection(JdbcTemplate jdbc, JdbcDirectory directory, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.changes = changes;
    }

    @EventHandler
    void on(NamespaceCreated event) {
        try {
            jdbc.update("INSERT INTO dir_namespace (namespace_id, namespace_name, feature_extractors) VALUES (?, ?, ?)",
                    event.namespaceId(), event.namespaceName(), StoredJson.write(event.featureExtractors()));
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("namespace", event.namespaceName());
        }
    }

    @EventHandler
    void on(NamespaceCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(NamespaceUpdated event) {
        try {
            jdbc.update("UPDATE dir_namespace SET namespace_name = ?, feature_extractors = ? WHERE namespace_id = ?",
                    event.namespaceName(), StoredJson.write(event.featureExtractors()), event.namespaceId());
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("namespace", event.namespaceName());
        }
        changes.publishEvent(new NamespaceDirectoryChanged(event.namespaceId()));
    }

    @EventHandler
    void on(NamespaceDeleted event) {
        jdbc.update("DELETE FROM dir_namespace WHERE namespace_id = ?", event.namespaceId());
        changes.publishEvent(new NamespaceDirectoryChanged(event.namespaceId()));
    }

    @EventHandler
    void on(BucketCreated event) {
        lockLiveNamespace(event.namespaceId());
        try {
            jdbc.update("INSERT INTO dir_bucket (bucket_id, namespace_id, bucket_name, bucket_schema) VALUES (?, ?, ?, ?)",
                    event.bucketId(), event.namespaceId(), event.bucketName(), StoredJson.write(event.bucketSchema()));
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("bucket", event.bucketName());
        }
    }

    @EventHandler
    void on(BucketCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(BucketUpdated event) {
        try {
            jdbc.update("UPDATE dir_bucket SET bucket_name = ?, bucket_schema = ? WHERE bucket_id = ?",
                    event.bucketName(), StoredJson.write(event.bucketSchema()), event.bucketId());
        } catch (DuplicateKeyException e) {
            throw DomainException.nameTaken("bucket", event.bucketName());
        }
    }

    @EventHandler
    void on(BucketDeleted event) {
        jdbc.update("DELETE FROM dir_bucket WHERE bucket_id = ?", event.bucketId());
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
    void on(CollectionInstantiated event) {
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
        List<ExtractorRef> extractors = lockLiveNamespace(namespaceId);
        String extractorId = config.featureExtractor().featureExtractorId();
        if (extractors.stream().noneMatch(ref -> ref.id().equals(extractorId))) {
            throw changedMeanwhile("feature extractor '" + extractorId + "' was removed from the namespace");
        }
        claimName(namespaceId, name, collectionId);
        jdbc.update("""
                        INSERT INTO dir_collection (collection_id, namespace_id, collection_name, output_schema,
                                                    feature_extractor_id, source_lineage, deleted)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                collectionId, namespaceId, name, StoredJson.write(schemas.outputSchema()), extractorId,
                StoredJson.write(schemas.sourceLineage()));
        if (SourceConfig.BUCKET.equals(config.source().type())) {
            addBucketSources(collectionId, namespaceId, config.source().bucketIds(), schemas.inputSchema());
        }
        for (String source : config.source().sourceCollectionIds()) {
            // Takes the source's row lock (a deletion of it holds the same lock) and sees whether it
            // was deleted since the command checked it.
            int live = jdbc.update("UPDATE dir_collection SET deleted = deleted WHERE collection_id = ? AND NOT deleted",
                    source);
            if (live == 0) {
                throw DomainException.invalid(List.of(Violation.at("collection '" + source
                        + "' was deleted while this request ran", "not_found", "source", "collection_id")));
            }
            jdbc.update("INSERT INTO dir_collection_source (collection_id, source_collection_id) VALUES (?, ?)",
                    collectionId, source);
        }
    }

    /** Records which buckets the collection reads, and re-checks that they still exist and fit its input schema. */
    private void addBucketSources(String collectionId, String namespaceId, List<String> bucketIds,
                                  ObjectSchema inputSchema) {
        List<ObjectSchema> schemas = new ArrayList<>();
        for (int i = 0; i < bucketIds.size(); i++) {
            String bucketId = bucketIds.get(i);
            String index = String.valueOf(i);
            schemas.add(directory.bucket(namespaceId, bucketId).map(Directory.BucketEntry::bucketSchema)
                    .orElseThrow(() -> DomainException.invalid(List.of(Violation.at("bucket '" + bucketId
                            + "' was deleted while this request ran", "not_found", "source", "bucket_ids",
                            index)))));
            jdbc.update("INSERT INTO dir_collection_bucket (collection_id, bucket_id) VALUES (?, ?)", collectionId,
                    bucketId);
        }
        InputSchemaFit.problem(inputSchema, schemas).ifPresent(problem -> {
            throw changedMeanwhile("a source bucket's schema changed: " + problem);
        });
    }

    /**
     * Locks the namespace's row (see the class comment) and answers its extractors as they are once the lock is
     * held: what a change that held it before us committed. A deleted namespace is a 404.
     */
    private List<ExtractorRef> lockLiveNamespace(String namespaceId) {
        return directory.lockedNamespace(namespaceId).map(Directory.NamespaceEntry::featureExtractors)
                .orElseThrow(() -> DomainException.notFound("namespace", namespaceId));
    }

    private static DomainException changedMeanwhile(String what) {
        return new DomainException(LedgerError.of(ErrorKind.CONFLICT, what + " while this request ran; retry it",
                Map.of()));
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
