package com.collectionledger.query.namespace;

import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.ListNamespacesQuery;
import com.collectionledger.api.query.NamespacePage;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class NamespaceProjection {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final ViewPositions positions;

    NamespaceProjection(JdbcTemplate jdbc, ViewJson json, ViewPositions positions) {
        this.jdbc = jdbc;
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(NamespaceCreated event) {
        NamespaceView view = NamespaceView.created(event);
        jdbc.update("DELETE FROM view_namespace WHERE namespace_id = ?", event.namespaceId());
        jdbc.update("INSERT INTO view_namespace (namespace_id, namespace_name, document) VALUES (?, ?, ?)",
                event.namespaceId(), event.namespaceName(), json.write(view));
        positions.advance(event.namespaceId(), 0);
    }

    @EventHandler
    void on(NamespaceCloned event) {
        on(event.asCreated());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_namespace");
    }

    @QueryHandler
    Optional<NamespaceView> handle(FindNamespaceQuery query) {
        return jdbc.queryForList("SELECT document FROM view_namespace WHERE namespace_id = ? OR namespace_name = ?",
                        String.class, query.identifier(), query.identifier())
                .stream().findFirst().map(document -> json.read(document, NamespaceView.class));
    }

    @QueryHandler
    NamespacePage handle(ListNamespacesQuery query) {
        List<Object> args = new ArrayList<>();
        String where = " WHERE " + NamespaceScopeSql.condition(query.scope(), args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM view_namespace" + where, Long.class, args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        var results = jdbc.queryForList("SELECT document FROM view_namespace" + where
                        + " ORDER BY namespace_name LIMIT ? OFFSET ?", String.class, args.toArray()).stream()
                .map(document -> json.read(document, NamespaceView.class)).toList();
        return new NamespacePage(results, total == null ? 0 : total);
    }
}
