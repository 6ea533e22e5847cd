package com.collectionledger.query.history;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.query.CollectionHistory;
import com.collectionledger.api.query.CollectionHistory.Entry;
import com.collectionledger.api.query.CollectionHistoryQuery;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionAtQuery;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.collectionCloned;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.collectionUpdated;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.namespaceCreated;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static org.assertj.core.api.Assertions.assertThat;

/** History and point-in-time reads, folded from the JDBC event store's events of the collection. */
@SpringJUnitConfig(ReadModelTestConfiguration.class)
class CollectionHistoryServiceTest {

    @Autowired
    private ReadModelFixture readModel;

    /** "evolving", created at T0, patched at minute 1 (description, enabled) and at minute 2 (renamed "evolved"). */
    @BeforeEach
    void collectionWithTwoPatches() {
        readModel.clear();
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-a", T0));
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "evolving", readingBucket("bkt_1"), T0),
                by("create"));
        readModel.given("col_1", 1, minutes(1), collectionUpdated("col_1", "ns_a", "evolving", "first", false, Map.of(),
                List.of("description", "enabled"), minutes(1)), by("patch-one"));
        readModel.given("col_1", 2, minutes(2), collectionUpdated("col_1", "ns_a", "evolved", "first", false, Map.of(),
                List.of("collection_name"), minutes(2)), by("patch-two"));
    }

    @Test
    void historyListsEveryEventWithWhoWhenAndWhatChanged() {
        CollectionHistory history = history("ns_a", "evolved", 0, 10, null);

        assertThat(history.collectionId()).isEqualTo("col_1");
        assertThat(history.total()).isEqualTo(3);
        assertThat(history.entries()).extracting(Entry::eventType)
                .containsExactly("CollectionCreated", "CollectionUpdated", "CollectionUpdated");
        assertThat(history.entries()).extracting(Entry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(history.entries()).extracting(Entry::timestamp).containsExactly(T0, minutes(1), minutes(2));
        Entry firstPatch = history.entries().get(1);
        assertThat(firstPatch.requestId()).isEqualTo("patch-one");
        assertThat(firstPatch.actor()).isEqualTo(new CollectionHistory.Actor("key_alice", "alice", null));
        assertThat(firstPatch.changes()).isEqualTo(Map.of("description", fromTo(null, "first"),
                "enabled", fromTo(true, false)));
        assertThat(history.entries().get(2).changes()).isEqualTo(Map.of("collection_name",
                fromTo("evolving", "evolved")));
        assertThat(history.entries().get(0).changes()).containsEntry("collection_name", "evolving")
                .containsEntry("feature_extractor_id", "text_extractor_v1");
    }

    @Test
    void anEventOfABusCommandNamesTheServiceThatSentIt() {
        readModel.given("col_1", 3, minutes(3), collectionDeleted("col_1", "ns_a", "evolved", minutes(3)),
                Map.of(AuditMetadata.ACTOR_SERVICE, "search-indexer"));

        Entry deleted = history("ns_a", "col_1", 3, 1, null).entries().get(0);
        assertThat(deleted.actor()).isEqualTo(new CollectionHistory.Actor(null, null, "search-indexer"));
        assertThat(deleted.requestId()).isNull();
    }

    @Test
    void historyPagesAndCountsEveryEvent() {
        CollectionHistory last = history("ns_a", "col_1", 2, 1, null);

        assertThat(last.entries()).extracting(Entry::sequence).containsExactly(2L);
        assertThat(last.total()).isEqualTo(3);
        assertThat(history("ns_a", "col_1", 5, 1, null).entries()).isEmpty();
    }

    @Test
    void historySurvivesDeletionButStaysInItsNamespace() {
        readModel.given("col_1", 3, minutes(3), collectionDeleted("col_1", "ns_a", "evolved", minutes(3)));

        CollectionHistory history = history("ns_a", "col_1", 0, 10, null);
        assertThat(history.total()).isEqualTo(4);
        assertThat(history.entries().get(3).eventType()).isEqualTo("CollectionDeleted");
        assertThat(history("ns_a", "evolved", 0, 10, null)).isNull();
        assertThat(history("ns_b", "col_1", 0, 10, null)).isNull();
        assertThat(history("ns_a", "col_nosuchthing", 0, 10, null)).isNull();
    }

    @Test
    void aVersionOrAnInstantReadsTheCollectionAsItWasThen() {
        CollectionView original = at("col_1", 0L, null).orElseThrow();
        assertThat(original.collectionName()).isEqualTo("evolving");
        assertThat(original.config().description()).isNull();
        assertThat(original.config().enabled()).isTrue();

        assertThat(at("evolved", 1L, null).orElseThrow().config().description()).isEqualTo("first");
        assertThat(at("col_1", null, minutes(1)).orElseThrow().version()).isEqualTo(1);
        assertThat(at("col_1", null, minutes(1).minusNanos(1)).orElseThrow().version()).isZero();
        assertThat(at("col_1", null, T0.minusSeconds(1))).isEmpty();
        assertThat(at("col_1", 7L, null).orElseThrow().collectionName()).isEqualTo("evolved");
    }

    @Test
    void afterItsDeletionTheCollectionIsReadOnlyAsItWasBefore() {
        readModel.given("col_1", 3, minutes(3), collectionDeleted("col_1", "ns_a", "evolved", minutes(3)));

        assertThat(at("col_1", null, minutes(3))).isEmpty();
        assertThat(at("col_1", 3L, null)).isEmpty();
        assertThat(at("col_1", null, minutes(2)).orElseThrow().collectionName()).isEqualTo("evolved");
    }

    @Test
    void aNamespaceClonesSourceIsNamedOnlyToCallersWhoMayUseItsNamespace() {
        readModel.given("ns_b", 0, minutes(4), namespaceCreated("ns_b", "team-b", minutes(4)));
        readModel.given("col_b1", 0, minutes(4), collectionCloned("col_b1", "ns_b", "evolved", "col_1", "evolved", 2,
                "col_1", 1, minutes(4)));

        Map<String, Object> hidden = history("ns_b", "col_b1", 0, 1, List.of("team-b")).entries().get(0).changes();
        assertThat(hidden).containsEntry("source_collection_id", "col_1").containsEntry("source_visible", false)
                .doesNotContainKeys("source_collection_name", "source_version");

        Map<String, Object> shown = history("ns_b", "col_b1", 0, 1, List.of("team-*")).entries().get(0).changes();
        assertThat(shown).containsEntry("source_collection_name", "evolved").containsEntry("source_version", 2L)
                .doesNotContainKey("source_visible");
    }

    private CollectionHistory history(String namespaceId, String identifier, int offset, int limit,
                                      List<String> scope) {
        return readModel.answer(new CollectionHistoryQuery(namespaceId, identifier, offset, limit, scope),
                CollectionHistory.class);
    }

    private Optional<CollectionView> at(String identifier, Long version, Instant asOf) {
        return readModel.find(new FindCollectionAtQuery("ns_a", identifier, version, asOf), CollectionView.class);
    }

    private static Map<String, Object> by(String requestId) {
        return Map.of(AuditMetadata.ACTOR_KEY_ID, "key_alice", AuditMetadata.ACTOR_NAME, "alice",
                AuditMetadata.REQUEST_ID, requestId);
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
