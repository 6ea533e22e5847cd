package com.collectionledger.query.template;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.query.FindTemplateQuery;
import com.collectionledger.api.query.ListTemplatesQuery;
import com.collectionledger.api.query.TemplatePage;
import com.collectionledger.api.query.TemplateView;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collection template view: one row per template with its filterable columns and the whole
 * view as a JSON document, and one row per tag. A template never changes after its creation, so
 * its one handler replaces the rows (idempotent on a retried batch).
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class TemplateProjection {

    /** A tag of the template in this row. */
    private static final String HAS_TAG = "EXISTS (SELECT 1 FROM view_template_tag t"
            + " WHERE t.template_id = view_template.template_id AND t.tag = ?)";

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final ViewPositions positions;

    TemplateProjection(JdbcTemplate jdbc, ViewJson json, ViewPositions positions) {
        this.jdbc = jdbc;
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(TemplateCreated event, @MetaDataValue(AuditMetadata.ACTOR_KEY_ID) String actorKeyId) {
        TemplateView view = new TemplateView(event.templateId(), event.namespaceId(), event.templateName(),
                event.description(), event.scope(), event.category(), event.tags(), event.sourceCollectionId(),
                event.sourceCollectionName(), event.sourceVersion(), event.configuration(), event.inputSchema(),
                actorKeyId, event.createdAt(), event.createdAt());
        jdbc.update("DELETE FROM view_template_tag WHERE template_id = ?", view.templateId());
        jdbc.update("DELETE FROM view_template WHERE template_id = ?", view.templateId());
        jdbc.update("""
                        INSERT INTO view_template (template_id, namespace_id, name, description, category, scope,
                            source_resource_id, created_at, updated_at, document)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                view.templateId(), view.namespaceId(), view.templateName(), view.description(), view.category(),
                view.scope(), view.sourceCollectionId(), Timestamp.from(view.createdAt()),
                Timestamp.from(view.updatedAt()), json.write(view));
        for (String tag : view.tags()) {
            jdbc.update("INSERT INTO view_template_tag (template_id, tag) VALUES (?, ?)", view.templateId(), tag);
        }
        positions.advance(view.templateId(), 0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_template_tag");
        jdbc.update("DELETE FROM view_template");
    }

    @QueryHandler
    Optional<TemplateView> handle(FindTemplateQuery query) {
        return jdbc.queryForList("SELECT document FROM view_template WHERE namespace_id = ? AND template_id = ?",
                        String.class, query.namespaceId(), query.templateId())
                .stream().findFirst().map(document -> json.read(document, TemplateView.class));
    }

    @QueryHandler
    TemplatePage handle(ListTemplatesQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE namespace_id = ?");
        args.add(query.namespaceId());
        for (Map.Entry<String, Object> filter : query.filters().entrySet()) {
            where.append(" AND ").append(filter.getKey().equals("tags") ? HAS_TAG : column(filter.getKey()) + " = ?");
            args.add(filter.getValue());
        }
        if (query.category() != null) {
            where.append(" AND category = ?");
            args.add(query.category());
        }
        if (query.scope() != null) {
            where.append(" AND scope = ?");
            args.add(query.scope());
        }
        for (String tag : query.tags()) {
            where.append(" AND ").append(HAS_TAG);
            args.add(tag);
        }
        if (query.search() != null && !query.search().isEmpty()) {
            String pattern = "%" + query.search().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" AND (LOWER(template_id) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(description) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM view_template_tag t"
                    + " WHERE t.template_id = view_template.template_id AND LOWER(t.tag) LIKE ? ESCAPE '\\'))");
            args.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM view_template" + where, Long.class, args.toArray());
        String order = " ORDER BY " + column(query.sortField() == null ? "created_at" : query.sortField())
                + (query.descending() ? " DESC" : " ASC") + ", template_id ASC";
        args.add(query.limit());
        args.add(query.offset());
        List<TemplateView> results = jdbc.queryForList("SELECT document FROM view_template" + where + order
                        + " LIMIT ? OFFSET ?", String.class, args.toArray())
                .stream().map(document -> json.read(document, TemplateView.class)).toList();
        return new TemplatePage(results, total == null ? 0 : total);
    }

    /** Filter and sort fields map to columns by a fixed table, never by what the client sent. */
    private static String column(String field) {
        return switch (field) {
            case "template_id" -> "template_id";
            case "name" -> "name";
            case "category" -> "category";
            case "scope" -> "scope";
            case "source_resource_id" -> "source_resource_id";
            case "created_at" -> "created_at";
            case "updated_at" -> "updated_at";
            default -> throw new IllegalArgumentException("not a filter or sort field: " + field);
        };
    }
}
