package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.query.CollectionPage;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionQuery;
import com.collectionledger.api.query.ListCollectionsQuery;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.filter.FieldIndex;
import com.collectionledger.query.filter.ListFields;
import com.collectionledger.query.filter.ListSql;
import com.collectionledger.query.lineage.LineageClosure;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.DeferredInserts;
import com.collectionledger.query.support.ViewTimestamps;
import com.collectionledger.support.StoredJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The collection view: one row per collection, with its clone link, root and generation, and the
 * whole view as a JSON document. Deleted collections keep their row (marked) for the lineage of
 * their clones. Handlers are idempotent: a create replaces the row, a change applies only to an
 * older version. The collection's list and nested values (source buckets, taxonomies, metadata) go
 * to the {@link FieldIndex} in the same transaction, for the list's filters.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class CollectionProjection {

    private final JdbcTemplate jdbc;
    private final ViewPositions positions;
    private final FieldIndex index;
    private final ListSql lists;

    private final LineageClosure lineage;
    private final DeferredInserts deferred;

    CollectionProjection(JdbcTemplate jdbc, ViewPositions positions, FieldIndex index, ListSql lists,
                         LineageClosure lineage, DeferredInserts deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.positions = positions;
        this.index = index;
        this.lists = lists;
        this.lineage = lineage;
    }

    @EventHandler
    void on(CollectionCreated event, @SequenceNumber long version) {
        insert(CollectionViews.apply(null, event, version));
    }

    @EventHandler
    void on(CollectionCloned event, @SequenceNumber long version) {
        boolean fresh = insert(CollectionViews.apply(null, event, version));
        lineage.record(event, fresh);
    }

    @EventHandler
    void on(CollectionInstantiated event, @SequenceNumber long version) {
        insert(CollectionViews.apply(null, event, version));
    }

    @EventHandler
    void on(CollectionUpdated event, @SequenceNumber long version) {
        find(event.collectionId()).filter(view -> view.version() < version).ifPresent(view -> {
            CollectionView updated = CollectionViews.apply(view, event, version);
            jdbc.update("""
                            UPDATE view_collection SET collection_name = ?, description = ?, enabled = ?, version = ?,
                                   updated_at = ?, document = ? WHERE collection_id = ?""",
                    updated.collectionName(), updated.config().description(), updated.config().enabled(), version,
                    ViewTimestamps.of(event.updatedAt()), StoredJson.write(updated), view.collectionId());
            index.replace(ListFields.COLLECTIONS, view.collectionId(), updated);
        });
        positions.advance(event.collectionId(), version);
    }

    @EventHandler
    void on(CollectionDeleted event, @SequenceNumber long version) {
        jdbc.update("UPDATE view_collection SET deleted = TRUE, version = ?, updated_at = ? WHERE collection_id = ? AND version < ?",
                version, ViewTimestamps.of(event.deletedAt()), event.collectionId(), version);
        index.remove(event.collectionId());
        positions.advance(event.collectionId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_collection");
        lineage.clear();
        index.clear(ListFields.COLLECTIONS);
        positions.clear();
    }

    @QueryHandler
    Optional<CollectionView> handle(FindCollectionQuery query) {
        return jdbc.queryForList("""
                        SELECT document FROM view_collection
                        WHERE namespace_id = ? AND NOT deleted AND (collection_id = ? OR collection_name = ?)
                        ORDER BY CASE WHEN collection_id = ? THEN 0 ELSE 1 END""",
                        String.class, query.namespaceId(), query.identifier(), query.identifier(), query.identifier())
                .stream().findFirst().map(document -> StoredJson.read(document, CollectionView.class));
    }

    @QueryHandler
    CollectionPage handle(ListCollectionsQuery query) {
        ListSql.Page<CollectionView> page = lists.page(ListFields.COLLECTIONS, CollectionView.class,
                "t.namespace_id = ? AND NOT t.deleted", List.of(query.namespaceId()), query.criteria(),
                query.offset(), query.limit());
        return new CollectionPage(page.results(), page.total());
    }

    private Optional<CollectionView> find(String collectionId) {
        return jdbc.queryForList("SELECT document FROM view_collection WHERE collection_id = ?", String.class,
                collectionId).stream().findFirst().map(document -> StoredJson.read(document, CollectionView.class));
    }

    /**
     * Writes the view of a collection's first event: true if the read model held nothing of the collection (its
     * first projection: inserts alone, held with the unit of work's other new rows), false if it did (the event
     * projected again: the view replaces the row).
     */
    private boolean insert(CollectionView view) {
        boolean fresh = positions.first(view.collectionId(), view.version());
        if (!fresh) {
            deferred.flush(); // the rows replaced may be held
            jdbc.update("DELETE FROM view_collection WHERE collection_id = ?", view.collectionId());
        }
        Lineage lineage = view.lineage();
        List<Object[]> row = List.<Object[]>of(new Object[]{view.collectionId(), view.namespaceId(),
                view.collectionName(), view.config().description(), view.config().enabled(),
                view.config().source().type(), view.config().featureExtractor().featureExtractorId(),
                lineage.clonedFrom() == null ? null : lineage.clonedFrom().collectionId(),
                lineage.clonedFrom() == null ? null : lineage.clonedFrom().sourceVersion(),
                lineage.clonedFrom() == null ? null : ViewTimestamps.of(lineage.clonedFrom().clonedAt()),
                lineage.rootCollectionId(), lineage.generation(), view.version(), ViewTimestamps.of(view.createdAt()),
                ViewTimestamps.of(view.updatedAt()), StoredJson.write(view)});
        if (fresh) {
            deferred.insert(INSERT_VIEW, row);
            index.addNew(ListFields.COLLECTIONS, view.collectionId(), view);
        } else {
            jdbc.batchUpdate(INSERT_VIEW, row);
            index.replace(ListFields.COLLECTIONS, view.collectionId(), view);
            positions.advance(view.collectionId(), view.version());
        }
        return fresh;
    }

    private static final String INSERT_VIEW = """
            INSERT INTO view_collection (collection_id, namespace_id, collection_name, description, enabled,
                source_type, feature_extractor_id, cloned_from, cloned_from_version, cloned_at,
                root_collection_id, generation, version, deleted, created_at, updated_at, document)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""";
}
