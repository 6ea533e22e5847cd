package com.collectionledger.query.namespace;

import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.ListNamespacesQuery;
import com.collectionledger.api.query.NamespacePage;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.filter.FieldIndex;
import com.collectionledger.query.filter.ListFields;
import com.collectionledger.query.filter.ListSql;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewTimestamps;
import com.collectionledger.support.StoredJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class NamespaceProjection {

    private final JdbcTemplate jdbc;
    private final ViewPositions positions;
    private final FieldIndex index;
    private final ListSql lists;

    NamespaceProjection(JdbcTemplate jdbc, ViewPositions positions, FieldIndex index, ListSql lists) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.index = index;
        this.lists = lists;
    }

    @EventHandler
    void on(NamespaceCreated event) {
        NamespaceView view = NamespaceView.created(event);
        jdbc.update("DELETE FROM view_namespace WHERE namespace_id = ?", event.namespaceId());
        jdbc.update("""
                        INSERT INTO view_namespace (namespace_id, namespace_name, description, created_at, updated_at,
                            document) VALUES (?, ?, ?, ?, ?, ?)""",
                view.namespaceId(), view.namespaceName(), view.description(), ViewTimestamps.of(view.createdAt()),
                ViewTimestamps.of(view.updatedAt()), StoredJson.write(view));
        index.replace(ListFields.NAMESPACES, view.namespaceId(), view);
        positions.advance(event.namespaceId(), 0);
    }

    @EventHandler
    void on(NamespaceCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(NamespaceUpdated event, @SequenceNumber long version) {
        find(event.namespaceId()).map(view -> view.updated(event)).ifPresent(view -> {
            jdbc.update("""
                            UPDATE view_namespace SET namespace_name = ?, description = ?, updated_at = ?, document = ?
                            WHERE namespace_id = ?""",
                    view.namespaceName(), view.description(), ViewTimestamps.of(view.updatedAt()),
                    StoredJson.write(view), view.namespaceId());
            index.replace(ListFields.NAMESPACES, view.namespaceId(), view);
        });
        positions.advance(event.namespaceId(), version);
    }

    @EventHandler
    void on(NamespaceDeleted event, @SequenceNumber long version) {
        jdbc.update("DELETE FROM view_namespace WHERE namespace_id = ?", event.namespaceId());
        index.remove(event.namespaceId());
        positions.advance(event.namespaceId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_namespace");
        index.clear(ListFields.NAMESPACES);
    }

    @QueryHandler
    Optional<NamespaceView> handle(FindNamespaceQuery query) {
        return find(query.identifier()).map(view -> withCounts(List.of(view)).get(0));
    }

    private Optional<NamespaceView> find(String identifier) {
        return jdbc.queryForList("SELECT document FROM view_namespace WHERE namespace_id = ? OR namespace_name = ?",
                        String.class, identifier, identifier)
                .stream().findFirst().map(document -> StoredJson.read(document, NamespaceView.class));
    }

    /** The views with how many buckets and live collections each namespace holds, counted now. */
    private List<NamespaceView> withCounts(List<NamespaceView> views) {
        if (views.isEmpty()) {
            return views;
        }
        List<String> ids = views.stream().map(NamespaceView::namespaceId).toList();
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, Long> buckets = counts("SELECT namespace_id, COUNT(*) FROM view_bucket WHERE namespace_id IN ("
                + in + ") GROUP BY namespace_id", ids);
        Map<String, Long> collections = counts("SELECT namespace_id, COUNT(*) FROM view_collection WHERE NOT deleted "
                + "AND namespace_id IN (" + in + ") GROUP BY namespace_id", ids);
        return views.stream().map(view -> view.withCounts(buckets.getOrDefault(view.namespaceId(), 0L),
                collections.getOrDefault(view.namespaceId(), 0L))).toList();
    }

    private Map<String, Long> counts(String sql, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), ids.toArray());
        return counts;
    }

    @QueryHandler
    NamespacePage handle(ListNamespacesQuery query) {
        List<Object> args = new ArrayList<>();
        String scope = NamespaceScopeSql.condition("t", query.scope(), args);
        ListSql.Page<NamespaceView> page = lists.page(ListFields.NAMESPACES, NamespaceView.class, scope, args,
                query.criteria(), query.offset(), query.limit());
        return new NamespacePage(withCounts(page.results()), page.total());
    }
}
