package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.query.CollectionPage;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionQuery;
import com.collectionledger.api.query.ListCollectionsQuery;
import com.collectionledger.api.query.ViewVersionQuery;
import com.collectionledger.api.query.ViewsShownQuery;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.collectionCloned;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.collectionUpdated;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.noSchemas;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static com.collectionledger.query.SampleEvents.readingBuckets;
import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(ReadModelTestConfiguration.class)
class CollectionProjectionTest {

    @Autowired
    private ReadModelFixture readModel;

    @BeforeEach
    void emptyStore() {
        readModel.clear();
    }

    @Test
    void aCreatedCollectionIsFoundByIdOrNameInItsOwnNamespaceOnly() {
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "articles", readingBucket("bkt_1"), T0));

        CollectionView byId = find("ns_a", "col_1");
        assertThat(byId.collectionName()).isEqualTo("articles");
        assertThat(byId.version()).isZero();
        assertThat(byId.createdAt()).isEqualTo(T0);
        assertThat(byId.updatedAt()).isEqualTo(T0);
        assertThat(byId.lineage()).isEqualTo(Lineage.original("col_1"));
        assertThat(byId.config().source().bucketIds()).containsExactly("bkt_1");
        assertThat(find("ns_a", "articles")).isEqualTo(byId);
        assertThat(readModel.find(new FindCollectionQuery("ns_b", "col_1"), CollectionView.class)).isEmpty();
        assertThat(readModel.find(new FindCollectionQuery("ns_a", "col_2"), CollectionView.class)).isEmpty();
    }

    @Test
    void anUpdateReplacesWhatPatchMayChangeAndKeepsTheRest() {
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "articles", readingBucket("bkt_1"), T0));
        readModel.given("col_1", 1, minutes(5), collectionUpdated("col_1", "ns_a", "posts", "all posts", false,
                Map.of("team", "search"), List.of("collection_name", "description", "enabled", "metadata"),
                minutes(5)));

        CollectionView updated = find("ns_a", "posts");
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.config().description()).isEqualTo("all posts");
        assertThat(updated.config().enabled()).isFalse();
        assertThat(updated.config().metadata()).isEqualTo(Map.of("team", "search"));
        assertThat(updated.config().source()).isEqualTo(readingBucket("bkt_1").source());
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(minutes(5));
        assertThat(readModel.find(new FindCollectionQuery("ns_a", "articles"), CollectionView.class)).isEmpty();
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "articles", readingBucket("bkt_1"), T0));
        DomainEventMessage<?> first = readModel.given("col_1", 1, minutes(1), collectionUpdated("col_1", "ns_a",
                "articles", "first", true, Map.of(), List.of("description"), minutes(1)));
        readModel.given("col_1", 2, minutes(2), collectionUpdated("col_1", "ns_a", "articles", "second", true,
                Map.of(), List.of("description"), minutes(2)));

        readModel.redeliver(first);

        CollectionView view = find("ns_a", "col_1");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.config().description()).isEqualTo("second");
        assertThat(readModel.answer(new ViewVersionQuery("col_1"), Long.class)).isEqualTo(2);
    }

    @Test
    void aDeletedCollectionLeavesFindAndListsButKeepsItsRowForLineage() {
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "articles", readingBuckets(
                List.of("bkt_1"), null, true, Map.of("team", "search")), T0));
        readModel.given("col_1", 1, minutes(1), collectionDeleted("col_1", "ns_a", "articles", minutes(1)));

        assertThat(readModel.find(new FindCollectionQuery("ns_a", "col_1"), CollectionView.class)).isEmpty();
        assertThat(readModel.answer(new ListCollectionsQuery("ns_a", null, 0, 10),
                CollectionPage.class).total()).isZero();
        assertThat(readModel.jdbc().queryForMap(
                "SELECT deleted, version FROM view_collection WHERE collection_id = 'col_1'"))
                .containsEntry("deleted", true).containsEntry("version", 1L);
        assertThat(readModel.jdbc().queryForObject("SELECT COUNT(*) FROM view_field_value WHERE owner_id = 'col_1'",
                Long.class)).isZero();
    }

    @Test
    void eachHandledEventAdvancesItsCollectionsViewVersion() {
        assertThat(readModel.answer(new ViewVersionQuery("col_1"), Long.class)).isEqualTo(-1);

        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "articles", readingBucket("bkt_1"), T0));
        assertThat(readModel.answer(new ViewVersionQuery("col_1"), Long.class)).isZero();
        readModel.given("col_1", 1, minutes(1), collectionUpdated("col_1", "ns_a", "articles", "d", true, Map.of(),
                List.of("description"), minutes(1)));
        assertThat(readModel.answer(new ViewVersionQuery("col_1"), Long.class)).isEqualTo(1);
        readModel.given("col_1", 2, minutes(2), collectionDeleted("col_1", "ns_a", "articles", minutes(2)));
        assertThat(readModel.answer(new ViewVersionQuery("col_1"), Long.class)).isEqualTo(2);

        assertThat(readModel.ask(new ViewsShownQuery(Set.of("col_1", "col_2")),
                ResponseTypes.multipleInstancesOf(String.class))).containsExactly("col_1");
    }

    @Test
    void aCloneShowsItsLineageBeforeItsSourceIsSeen() {
        readModel.given("col_clone", 0, T0, collectionCloned("col_clone", "ns_a", "copy", "col_source", "original", 3,
                "col_root", 2, T0));

        CollectionView clone = find("ns_a", "copy");
        assertThat(clone.lineage()).isEqualTo(new Lineage(new Lineage.ClonedFrom("col_source", "original", 3, T0),
                "col_root", 2));
        assertThat(readModel.jdbc().queryForMap("SELECT cloned_from, root_collection_id, generation"
                + " FROM view_collection WHERE collection_id = 'col_clone'"))
                .containsEntry("cloned_from", "col_source").containsEntry("root_collection_id", "col_root")
                .containsEntry("generation", 2);
    }

    @Test
    void aCollectionMadeFromATemplateIsAnOriginalThatNamesItsTemplate() {
        readModel.given("col_made", 0, T0, new CollectionInstantiated("col_made", "ns_a", "from-template", "tmpl_1",
                "starter", "col_captured", "captured", 4, readingBucket("bkt_1"), List.of("tag"), noSchemas(), T0));

        Lineage lineage = find("ns_a", "col_made").lineage();
        assertThat(lineage.clonedFrom()).isNull();
        assertThat(lineage.rootCollectionId()).isEqualTo("col_made");
        assertThat(lineage.generation()).isZero();
        assertThat(lineage.fromTemplate()).isEqualTo(new Lineage.FromTemplate("tmpl_1", "starter", "col_captured",
                "captured", 4));
    }

    private CollectionView find(String namespaceId, String identifier) {
        return readModel.find(new FindCollectionQuery(namespaceId, identifier), CollectionView.class).orElseThrow();
    }
}
