package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.query.CollectionPage;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.ListCollectionsQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;
import java.util.Map;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.collectionUpdated;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static com.collectionledger.query.SampleEvents.readingBuckets;
import static com.collectionledger.query.SampleEvents.textExtractor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ListCollectionsQuery on the real store: filters, search, sort and pages over the collection view. */
@SpringJUnitConfig(ReadModelTestConfiguration.class)
class CollectionListTest {

    @Autowired
    private ReadModelFixture readModel;

    /**
     * Four collections of ns_a (gamma and delta created at the same instant) and one of ns_b:
     * alpha reads bkt_1 (team search, tier 1), beta bkt_1 and bkt_2 (team ads, disabled), gamma reads
     * alpha (team search, tier 2), delta bkt_2.
     */
    @BeforeEach
    void collections() {
        readModel.clear();
        readModel.given("col_a1", 0, T0, collectionCreated("col_a1", "ns_a", "alpha", readingBuckets(List.of("bkt_1"),
                "Search index", true, Map.of("team", "search", "tier", 1)), T0));
        readModel.given("col_a2", 0, minutes(1), collectionCreated("col_a2", "ns_a", "beta", readingBuckets(
                List.of("bkt_1", "bkt_2"), "Ads pipeline", false, Map.of("team", "ads")), minutes(1)));
        readModel.given("col_a3", 0, minutes(2), collectionCreated("col_a3", "ns_a", "gamma",
                new CollectionConfig(null, SourceConfig.collection("col_a1"),
                        textExtractor(), true, Map.of("team", "search", "tier", 2), List.of()), minutes(2)));
        readModel.given("col_a4", 0, minutes(2), collectionCreated("col_a4", "ns_a", "delta", readingBucket("bkt_2"),
                minutes(2)));
        readModel.given("col_b1", 0, T0, collectionCreated("col_b1", "ns_b", "alpha", readingBucket("bkt_1"), T0));
    }

    @Test
    void theListHoldsTheNamespacesLiveCollectionsByCreationThenId() {
        assertThat(ids(list(ListCriteria.none(), 0, 10))).containsExactly("col_a1", "col_a2", "col_a3", "col_a4");

        readModel.given("col_a2", 1, minutes(3), collectionDeleted("col_a2", "ns_a", "beta", minutes(3)));

        CollectionPage page = list(ListCriteria.none(), 0, 10);
        assertThat(ids(page)).containsExactly("col_a1", "col_a3", "col_a4");
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void filtersReachColumnsListValuesAndMetadata() {
        assertThat(ids(where(new Condition("source.bucket_ids", Operator.EQ, "bkt_2", false))))
                .containsExactly("col_a2", "col_a4");
        assertThat(ids(where(new Condition("source.collection_id", Operator.EQ, "col_a1", false))))
                .containsExactly("col_a3");
        assertThat(ids(where(new Condition("enabled", Operator.EQ, false, false)))).containsExactly("col_a2");
        assertThat(ids(where(new Condition("metadata.team", Operator.EQ, "search", false))))
                .containsExactly("col_a1", "col_a3");
        assertThat(ids(where(new Condition("metadata.tier", Operator.GT, 1.0, false)))).containsExactly("col_a3");
        assertThat(ids(where(new Condition("created_at", Operator.GTE, minutes(2).toString(), false))))
                .containsExactly("col_a3", "col_a4");
        assertThat(ids(where(new Group(Logic.OR, List.of(
                new Condition("metadata.team", Operator.EQ, "ads", false),
                new Group(Logic.NOT, List.of(new Condition("metadata.team", Operator.EXISTS, true, false))))))))
                .containsExactly("col_a2", "col_a4");
    }

    @Test
    void filtersFollowUpdatesAndDeletions() {
        readModel.given("col_a1", 1, minutes(5), collectionUpdated("col_a1", "ns_a", "alpha", "Search index", true,
                Map.of("team", "ads"), List.of("metadata"), minutes(5)));
        readModel.given("col_a2", 1, minutes(6), collectionDeleted("col_a2", "ns_a", "beta", minutes(6)));

        assertThat(ids(where(new Condition("metadata.team", Operator.EQ, "search", false)))).containsExactly("col_a3");
        assertThat(ids(where(new Condition("metadata.team", Operator.EQ, "ads", false)))).containsExactly("col_a1");
        assertThat(ids(where(new Condition("source.bucket_ids", Operator.EQ, "bkt_1", false))))
                .containsExactly("col_a1");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsAndCountEveryMatch() {
        CollectionPage first = list(ListCriteria.none(), 0, 2);
        CollectionPage second = list(ListCriteria.none(), 2, 2);
        CollectionPage beyond = list(ListCriteria.none(), 4, 2);

        assertThat(ids(first)).containsExactly("col_a1", "col_a2");
        assertThat(ids(second)).containsExactly("col_a3", "col_a4");
        assertThat(beyond.results()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly(4L);
    }

    @Test
    void sortsOnAColumnEitherWayWithTheIdBreakingTies() {
        assertThat(ids(list(new ListCriteria(null, null, false, "collection_name", false), 0, 10)))
                .containsExactly("col_a1", "col_a2", "col_a4", "col_a3");
        assertThat(ids(list(new ListCriteria(null, null, false, "collection_name", true), 0, 10)))
                .containsExactly("col_a3", "col_a4", "col_a2", "col_a1");
        assertThat(ids(list(new ListCriteria(null, null, false, "created_at", true), 0, 10)))
                .containsExactly("col_a3", "col_a4", "col_a2", "col_a1");
    }

    @Test
    void searchFindsASubstringOfIdNameOrDescriptionIgnoringCaseUnlessAsked() {
        assertThat(ids(list(new ListCriteria(null, "ADS", false, null, false), 0, 10))).containsExactly("col_a2");
        assertThat(ids(list(new ListCriteria(null, "ads", true, null, false), 0, 10))).isEmpty();
        assertThat(ids(list(new ListCriteria(null, "LT", false, null, false), 0, 10))).containsExactly("col_a4");
        assertThat(list(new ListCriteria(null, "col_a", false, null, false), 0, 10).total()).isEqualTo(4);
    }

    @Test
    void aRegexTooCostlyForTheStoreIsAnInvalidFilterNotAFailure() {
        readModel.given("col_a5", 0, minutes(3), collectionCreated("col_a5", "ns_a", "slow", readingBuckets(
                List.of("bkt_1"), "x".repeat(40), true, Map.of()), minutes(3)));

        assertThat(ids(where(new Condition("description", Operator.REGEX, "^x+$", true)))).containsExactly("col_a5");
        LedgerException refused = catchThrowableOfType(LedgerException.class,
                () -> where(new Condition("description", Operator.REGEX, "x*x*x*x*x*x*x*y", true)));
        assertThat(refused.error().kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.error().violations().get(0).location()).containsExactly("filters");
    }

    private CollectionPage where(ListFilter filter) {
        return list(new ListCriteria(filter, null, false, null, false), 0, 10);
    }

    private CollectionPage list(ListCriteria criteria, int offset, int limit) {
        return readModel.answer(new ListCollectionsQuery("ns_a", criteria, offset, limit), CollectionPage.class);
    }

    private static List<String> ids(CollectionPage page) {
        return page.results().stream().map(CollectionView::collectionId).toList();
    }
}
