package com.collectionledger.query.history;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.query.CollectionHistory;
import com.collectionledger.api.query.CollectionHistoryQuery;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionAtQuery;
import com.collectionledger.query.collection.CollectionIdentifiers;
import com.collectionledger.query.collection.CollectionViews;
import com.collectionledger.query.namespace.NamespaceVisibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * History and point-in-time reads, straight from the event store (not the read model), so they
 * are complete, survive deletion and need no replay.
 */
@Component
public class CollectionHistoryService {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final NamespaceVisibility visibility;
    private final CollectionIdentifiers identifiers;

    CollectionHistoryService(EventStore eventStore, JdbcTemplate jdbc, NamespaceVisibility visibility,
                             CollectionIdentifiers identifiers) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.identifiers = identifiers;
    }

    /** A namespace clone's source lies in the source namespace: shown only to callers who may use it. */
    private boolean sourceVisible(CollectionHistoryQuery query, CollectionCloned cloned) {
        List<String> sourceNamespace = jdbc.queryForList(
                "SELECT namespace_id FROM view_collection WHERE collection_id = ?", String.class,
                cloned.sourceCollectionId());
        return visibility.hidden(query.namespaceId(), sourceNamespace, query.scope()).isEmpty();
    }

    @QueryHandler
    CollectionHistory handle(CollectionHistoryQuery query) {
        List<DomainEventMessage<?>> events = events(query.namespaceId(), query.identifier());
        if (events.isEmpty()) {
            return null;
        }
        List<CollectionHistory.Entry> entries = new ArrayList<>();
        CollectionView state = null;
        for (DomainEventMessage<?> event : events) {
            Map<String, Object> changes = new LinkedHashMap<>();
            Object payload = event.getPayload();
            CollectionView next = CollectionViews.apply(state, payload, event.getSequenceNumber());
            if (payload instanceof CollectionCreated created) {
                changes.put("collection_name", created.collectionName());
                changes.put("source", created.config().source());
                changes.put("feature_extractor_id", created.config().featureExtractor().featureExtractorId());
            } else if (payload instanceof CollectionCloned cloned) {
                changes.put("collection_name", cloned.collectionName());
                changes.put("source_collection_id", cloned.sourceCollectionId());
                if (sourceVisible(query, cloned)) {
                    changes.put("source_collection_name", cloned.sourceCollectionName());
                    changes.put("source_version", cloned.sourceVersion());
                } else {
                    changes.put("source_visible", false);
                }
                changes.put("overridden_fields", cloned.overriddenFields());
            } else if (payload instanceof CollectionInstantiated instantiated) {
                changes.put("collection_name", instantiated.collectionName());
                changes.put("template_id", instantiated.templateId());
                changes.put("template_name", instantiated.templateName());
                changes.put("source_collection_id", instantiated.sourceCollectionId());
                changes.put("source_collection_name", instantiated.sourceCollectionName());
                changes.put("source_version", instantiated.sourceVersion());
                changes.put("source", instantiated.config().source());
                changes.put("tags", instantiated.tags());
            } else if (payload instanceof CollectionUpdated updated && state != null) {
                for (String field : updated.changedFields()) {
                    changes.put(field, fromTo(CollectionViews.patchableValue(state, field),
                            CollectionViews.patchableValue(next, field)));
                }
            } else if (payload instanceof CollectionDeleted deleted) {
                changes.put("collection_name", deleted.collectionName());
            }
            state = next;
            entries.add(new CollectionHistory.Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), new CollectionHistory.Actor(text(event, AuditMetadata.ACTOR_KEY_ID),
                    text(event, AuditMetadata.ACTOR_NAME), text(event, AuditMetadata.ACTOR_SERVICE)), text(event, AuditMetadata.REQUEST_ID), changes));
        }
        int from = Math.min(query.offset(), entries.size());
        int to = Math.min(from + query.limit(), entries.size());
        return new CollectionHistory(events.get(0).getAggregateIdentifier(), entries.subList(from, to), entries.size());
    }

    @QueryHandler
    Optional<CollectionView> handle(FindCollectionAtQuery query) {
        Predicate<DomainEventMessage<?>> included = query.version() != null
                ? event -> event.getSequenceNumber() <= query.version()
                : event -> !event.getTimestamp().isAfter(query.asOf());
        CollectionView state = null;
        for (DomainEventMessage<?> event : events(query.namespaceId(), query.identifier())) {
            if (!included.test(event)) {
                break;
            }
            state = CollectionViews.apply(state, event.getPayload(), event.getSequenceNumber());
        }
        return Optional.ofNullable(state);
    }

    /** The events of a collection of the namespace, by ID (also when deleted) or by a live name. */
    private List<DomainEventMessage<?>> events(String namespaceId, String identifier) {
        Optional<String> collectionId = identifiers.collectionId(namespaceId, identifier);
        if (collectionId.isEmpty()) {
            return List.of();
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        // From sequence 0: the whole stream, never a snapshot.
        eventStore.readEvents(collectionId.get(), 0).forEachRemaining(events::add);
        if (events.isEmpty() || !namespaceOf(events.get(0)).equals(namespaceId)) {
            return List.of(); // another namespace's collection is a missing one
        }
        return events;
    }

    private static String namespaceOf(DomainEventMessage<?> first) {
        CollectionView created = CollectionViews.apply(null, first.getPayload(), first.getSequenceNumber());
        return created == null ? "" : created.namespaceId();
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : Objects.toString(value);
    }
}
