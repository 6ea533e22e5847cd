package com.collectionledger.query.namespace;

import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Operator;
import com.collectionledger.api.query.ListNamespacesQuery;
import com.collectionledger.api.query.NamespacePage;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;
import java.util.Map;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.bucketCreated;
import static com.collectionledger.query.SampleEvents.collectionCreated;
import static com.collectionledger.query.SampleEvents.collectionDeleted;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.namespaceCreated;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(ReadModelTestConfiguration.class)
class NamespaceProjectionTest {

    @Autowired
    private ReadModelFixture readModel;

    @BeforeEach
    void emptyStore() {
        readModel.clear();
    }

    @Test
    void aNamespaceCountsItsBucketsAndLiveCollectionsWhenRead() {
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-search", T0));
        readModel.given("bkt_1", 0, T0, bucketCreated("bkt_1", "ns_a", "articles", Map.of(), T0));
        readModel.given("bkt_2", 0, T0, bucketCreated("bkt_2", "ns_a", "videos", Map.of(), T0));
        readModel.given("col_1", 0, T0, collectionCreated("col_1", "ns_a", "one", readingBucket("bkt_1"), T0));
        readModel.given("col_2", 0, T0, collectionCreated("col_2", "ns_a", "two", readingBucket("bkt_1"), T0));
        readModel.given("col_2", 1, minutes(1), collectionDeleted("col_2", "ns_a", "two", minutes(1)));

        NamespaceView view = find("team-search");
        assertThat(view.namespaceId()).isEqualTo("ns_a");
        assertThat(view.bucketCount()).isEqualTo(2);
        assertThat(view.collectionCount()).isEqualTo(1);
        assertThat(view.featureExtractors()).containsExactly(new ExtractorRef("text_extractor", "v1"));
        assertThat(find("ns_a")).isEqualTo(view);
    }

    @Test
    void aRenamedNamespaceIsFoundByItsNewNameOnlyAndADeletedOneNotAtAll() {
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-search", T0));
        readModel.given("ns_a", 1, minutes(1), new NamespaceUpdated("ns_a", List.of("namespace_name"), "team-find",
                "renamed", List.of(new ExtractorRef("text_extractor", "v1")), List.of(), false, minutes(1)));

        NamespaceView renamed = find("team-find");
        assertThat(renamed.description()).isEqualTo("renamed");
        assertThat(renamed.createdAt()).isEqualTo(T0);
        assertThat(renamed.updatedAt()).isEqualTo(minutes(1));
        assertThat(readModel.find(new FindNamespaceQuery("team-search"), NamespaceView.class)).isEmpty();

        readModel.given("ns_a", 2, minutes(2), new NamespaceDeleted("ns_a", "team-find", List.of(), List.of(),
                minutes(2)));
        assertThat(readModel.find(new FindNamespaceQuery("ns_a"), NamespaceView.class)).isEmpty();
    }

    @Test
    void theListKeepsToTheCallersScopeAndFiltersOnItsExtractors() {
        readModel.given("ns_a", 0, T0, namespaceCreated("ns_a", "team-search", T0));
        readModel.given("ns_b", 0, minutes(1), namespaceCreated("ns_b", "team-ads", minutes(1)));
        readModel.given("ns_c", 0, minutes(2), new NamespaceCloned("ns_c", "ns_a", "other_team", "a copy",
                List.of(new ExtractorRef("image_extractor", "v2")), List.of(), false, minutes(2)));

        assertThat(names(list(List.of("*"), ListCriteria.none()))).containsExactly("other_team", "team-ads",
                "team-search");
        assertThat(names(list(List.of("team-*"), ListCriteria.none()))).containsExactly("team-ads", "team-search");
        assertThat(names(list(List.of("ns_b", "other_team"), ListCriteria.none())))
                .containsExactly("other_team", "team-ads");
        // "_" is a character of the name, not LIKE's any-character.
        assertThat(names(list(List.of("other_*"), ListCriteria.none()))).containsExactly("other_team");
        assertThat(names(list(List.of("other?team", "other%"), ListCriteria.none()))).isEmpty();
        assertThat(names(list(List.of("*"), new ListCriteria(new Condition("feature_extractors.feature_extractor_id",
                Operator.EQ, "image_extractor_v2", false), null, false, null, false)))).containsExactly("other_team");
    }

    private NamespaceView find(String identifier) {
        return readModel.find(new FindNamespaceQuery(identifier), NamespaceView.class).orElseThrow();
    }

    private NamespacePage list(List<String> scope, ListCriteria criteria) {
        return readModel.answer(new ListNamespacesQuery(scope, criteria, 0, 10), NamespacePage.class);
    }

    private static List<String> names(NamespacePage page) {
        return page.results().stream().map(NamespaceView::namespaceName).toList();
    }
}
