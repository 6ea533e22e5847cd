package com.collectionledger.query.support;

import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.collectionCloned;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.collectionUpdated;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * New collections' rows held to the end of the processor's batch: a batch writes exactly what the same events
 * handled one at a time write, whatever follows a collection's first event in the batch, and nothing if it rolls back.
 */
@SpringJUnitConfig(ReadModelTestConfiguration.class)
class DeferredInsertsTest {

    private static final List<String> VIEWS = List.of("view_collection", "view_field_value", "view_lineage",
            "view_position");

    @Autowired
    private ReadModelFixture readModel;

    @BeforeEach
    void emptyStore() {
        readModel.clear();
    }

    @Test
    void aBatchWritesWhatTheEventsOneAtATimeWrite() {
        List<DomainEventMessage<?>> events = events();
        events.forEach(readModel::redeliver);
        Map<String, List<Map<String, Object>>> oneAtATime = views();
        assertThat(oneAtATime.get("view_lineage")).hasSize(5);

        clearViews();
        assertThat(readModel.projectInOneBatch(events, null)).isTrue();

        assertThat(views()).isEqualTo(oneAtATime);
    }

    @Test
    void aBatchProjectedAgainChangesNothing() {
        List<DomainEventMessage<?>> events = events();
        assertThat(readModel.projectInOneBatch(events, null)).isTrue();
        Map<String, List<Map<String, Object>>> once = views();

        assertThat(readModel.projectInOneBatch(events, null)).isTrue();

        assertThat(views()).isEqualTo(once);
    }

    @Test
    void aBatchThatFailsLeavesNoRowOfItsNewCollections() {
        List<DomainEventMessage<?>> events = events();

        assertThat(readModel.projectInOneBatch(events, new IllegalStateException("the batch fails"))).isFalse();
        views().forEach((table, rows) -> assertThat(rows).as(table).isEmpty());

        assertThat(readModel.projectInOneBatch(events, null)).isTrue();
        Map<String, List<Map<String, Object>>> retried = views();
        clearViews();
        events.forEach(readModel::redeliver);
        assertThat(retried).isEqualTo(views());
    }

    /**
     * A root, a clone of it and a clone of that (both with the ancestry their events record), the first clone
     * updated, the second's event delivered twice, a third clone deleted: updates, replacements and deletions of
     * rows created earlier in the same batch.
     */
    private List<DomainEventMessage<?>> events() {
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(
                readModel.stored("col_r", 0, T0, collectionCreated("col_r", "ns_a", "root", readingBucket("bkt_1"), T0)),
                readModel.stored("col_a", 0, minutes(1), collectionCloned("col_a", "ns_a", "copy-a", "col_r", "root", 0,
                        "col_r", 1, minutes(1), List.of("col_r"))),
                readModel.stored("col_b", 0, minutes(2), collectionCloned("col_b", "ns_a", "copy-b", "col_a", "copy-a", 0,
                        "col_r", 2, minutes(2), List.of("col_a", "col_r"))),
                readModel.stored("col_a", 1, minutes(3), collectionUpdated("col_a", "ns_a", "renamed-a", "about a", true,
                        Map.of("team", "search"), List.of("collection_name", "description", "metadata"), minutes(3))),
                readModel.stored("col_c", 0, minutes(4), collectionCloned("col_c", "ns_a", "copy-c", "col_b", "copy-b", 0,
                        "col_r", 3, minutes(4), List.of("col_b", "col_a"))),
                readModel.stored("col_c", 1, minutes(5), collectionDeleted("col_c", "ns_a", "copy-c", minutes(5)))));
        events.add(4, events.get(2));
        return events;
    }

    private Map<String, List<Map<String, Object>>> views() {
        Map<String, List<Map<String, Object>>> views = new LinkedHashMap<>();
        for (String table : VIEWS) {
            List<Map<String, Object>> rows = new ArrayList<>(readModel.jdbc().queryForList("SELECT * FROM " + table));
            rows.sort(Comparator.comparing(Object::toString));
            views.put(table, rows);
        }
        return views;
    }

    private void clearViews() {
        VIEWS.forEach(table -> readModel.jdbc().update("DELETE FROM " + table));
    }
}
