package com.collectionledger.query.template;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.query.FindTemplateQuery;
import com.collectionledger.api.query.ListTemplatesQuery;
import com.collectionledger.api.query.TemplatePage;
import com.collectionledger.api.query.TemplateView;
import com.collectionledger.api.template.TemplateCreated;
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
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The collection template view: one row per template with its filterable columns and the whole
 * view as a JSON document, and its tags and configuration's values in {@code view_field_value}. A
 * template never changes after its creation, so its one handler replaces the rows (idempotent on a
 * retried batch).
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class TemplateProjection {

    private final JdbcTemplate jdbc;
    private final ViewPositions positions;
    private final FieldIndex index;
    private final ListSql lists;

    TemplateProjection(JdbcTemplate jdbc, ViewPositions positions, FieldIndex index, ListSql lists) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.index = index;
        this.lists = lists;
    }

    @EventHandler
    void on(TemplateCreated event, @MetaDataValue(AuditMetadata.ACTOR_KEY_ID) String actorKeyId) {
        TemplateView view = new TemplateView(event.templateId(), event.namespaceId(), event.templateName(),
                event.description(), event.scope(), event.category(), event.tags(), event.sourceCollectionId(),
                event.sourceCollectionName(), event.sourceVersion(), event.configuration(), event.inputSchema(),
                actorKeyId, event.createdAt(), event.createdAt());
        jdbc.update("DELETE FROM view_template WHERE template_id = ?", view.templateId());
        jdbc.update("""
                        INSERT INTO view_template (template_id, namespace_id, name, description, category, scope,
                            source_resource_id, created_at, updated_at, document)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                view.templateId(), view.namespaceId(), view.templateName(), view.description(), view.category(),
                view.scope(), view.sourceCollectionId(), ViewTimestamps.of(view.createdAt()),
                ViewTimestamps.of(view.updatedAt()), StoredJson.write(view));
        index.replace(ListFields.TEMPLATES, view.templateId(), view);
        positions.advance(view.templateId(), 0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_template");
        index.clear(ListFields.TEMPLATES);
    }

    @QueryHandler
    Optional<TemplateView> handle(FindTemplateQuery query) {
        return jdbc.queryForList("SELECT document FROM view_template WHERE namespace_id = ? AND template_id = ?",
                        String.class, query.namespaceId(), query.templateId())
                .stream().findFirst().map(document -> StoredJson.read(document, TemplateView.class));
    }

    @QueryHandler
    TemplatePage handle(ListTemplatesQuery query) {
        ListSql.Page<TemplateView> page = lists.page(ListFields.TEMPLATES, TemplateView.class, "t.namespace_id = ?",
                List.of(query.namespaceId()), query.criteria(), query.offset(), query.limit());
        return new TemplatePage(page.results(), page.total());
    }
}
