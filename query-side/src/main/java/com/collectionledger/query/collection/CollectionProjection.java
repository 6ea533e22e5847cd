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
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collection view: one row per collection, with its clone link, root and generation, and the
 * whole view as a JSON document. Deleted collections keep their row (marked) for the lineage of
 * their clones. Handlers are idempotent: a create replaces the row, a change applies only to an
 * older version.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class CollectionProjection {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final ViewPositions positions;

    CollectionProjection(JdbcTemplate jdbc, ViewJson json, ViewPositions positions) {
        this.jdbc = jdbc;
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(CollectionCreated event, @SequenceNumber long version) {
        insert(CollectionViews.created(event, version));
    }

    @EventHandler
    void on(CollectionCloned event, @SequenceNumber long version) {
        insert(CollectionViews.cloned(event, version));
    }

    @EventHandler
    void on(CollectionInstantiated event, @SequenceNumber long version) {
        insert(CollectionViews.instantiated(event, version));
    }

    @EventHandler
    void on(CollectionUpdated event, @SequenceNumber long version) {
        find(event.collectionId()).filter(view -> view.version() < version).ifPresent(view -> {
            CollectionView updated = CollectionViews.updated(view, event, version);
            jdbc.update("""
                            UPDATE view_collection SET collection_name = ?, description = ?, enabled = ?, version = ?,
                                   updated_at = ?, document = ? WHERE collection_id = ?""",
                    updated.collectionName(), updated.config().description(), updated.config().enabled(), version,
                    Timestamp.from(event.updatedAt()), json.write(updated), view.collectionId());
        });
        positions.advance(event.collectionId(), version);
    }

    @EventHandler
    void on(CollectionDeleted event, @SequenceNumber long version) {
        jdbc.update("UPDATE view_collection SET deleted = TRUE, version = ?, updated_at = ? WHERE collection_id = ? AND version < ?",
                version, Timestamp.from(event.deletedAt()), event.collectionId(), version);
        positions.advance(event.collectionId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_collection");
        positions.clear();
    }

    @QueryHandler
    Optional<CollectionView> handle(FindCollectionQuery query) {
        return jdbc.queryForList("""
                        SELECT document FROM view_collection
                        WHERE namespace_id = ? AND NOT deleted AND (collection_id = ? OR collection_name = ?)
                        ORDER BY CASE WHEN collection_id = ? THEN 0 ELSE 1 END""",
                        String.class, query.namespaceId(), query.identifier(), query.identifier(), query.identifier())
                .stream().findFirst().map(document -> json.read(document, CollectionView.class));
    }

    @QueryHandler
    CollectionPage handle(ListCollectionsQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE namespace_id = ? AND NOT deleted");
        args.add(query.namespaceId());
        for (Map.Entry<String, Object> filter : query.filters().entrySet()) {
            where.append(" AND ").append(column(filter.getKey())).append(" = ?");
            args.add(filter.getValue());
        }
        if (query.search() != null && !query.search().isEmpty()) {
            String pattern = "%" + query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            if (query.caseSensitive()) {
                where.append(" AND (collection_name LIKE ? ESCAPE '\\' OR COALESCE(description, '') LIKE ? ESCAPE '\\')");
            } else {
                where.append(" AND (LOWER(collection_name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(description, '')) LIKE ? ESCAPE '\\')");
                pattern = pattern.toLowerCase();
            }
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM view_collection" + where, Long.class, args.toArray());
        String order = " ORDER BY " + column(query.sortField() == null ? "created_at" : query.sortField())
                + (query.descending() ? " DESC" : " ASC") + ", collection_id ASC";
        args.add(query.limit());
        args.add(query.offset());
        List<CollectionView> results = jdbc.queryForList("SELECT document FROM view_collection" + where + order
                        + " LIMIT ? OFFSET ?", String.class, args.toArray())
                .stream().map(document -> json.read(document, CollectionView.class)).toList();
        return new CollectionPage(results, total == null ? 0 : total);
    }

    /** Filter and sort fields map to columns by a fixed table, never by what the client sent. */
    private static String column(String field) {
        return switch (field) {
            case "collection_id" -> "collection_id";
            case "collection_name" -> "collection_name";
            case "enabled" -> "enabled";
            case "source_type" -> "source_type";
            case "feature_extractor_id" -> "feature_extractor_id";
            case "cloned_from" -> "cloned_from";
            case "root_collection_id" -> "root_collection_id";
            case "generation" -> "generation";
            case "created_at" -> "created_at";
            case "updated_at" -> "updated_at";
            default -> throw new IllegalArgumentException("not a filter or sort field: " + field);
        };
    }

    private Optional<CollectionView> find(String collectionId) {
        return jdbc.queryForList("SELECT document FROM view_collection WHERE collection_id = ?", String.class,
                collectionId).stream().findFirst().map(document -> json.read(document, CollectionView.class));
    }

    private void insert(CollectionView view) {
        jdbc.update("DELETE FROM view_collection WHERE collection_id = ?", view.collectionId());
        Lineage lineage = view.lineage();
        jdbc.update("""
                        INSERT INTO view_collection (collection_id, namespace_id, collection_name, description, enabled,
                            source_type, feature_extractor_id, cloned_from, root_collection_id, generation, version,
                            deleted, created_at, updated_at, document)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""",
                view.collectionId(), view.namespaceId(), view.collectionName(), view.config().description(),
                view.config().enabled(), view.config().source().type(),
                view.config().featureExtractor().featureExtractorId(),
                lineage.clonedFrom() == null ? null : lineage.clonedFrom().collectionId(),
                lineage.rootCollectionId(), lineage.generation(), view.version(), Timestamp.from(view.createdAt()),
                Timestamp.from(view.updatedAt()), json.write(view));
        positions.advance(view.collectionId(), view.version());
    }
}
