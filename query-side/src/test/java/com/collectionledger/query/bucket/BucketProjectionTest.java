package com.collectionledger.query.bucket;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.query.BucketPage;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.query.ListBucketsQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Operator;
import com.collectionledger.api.schema.ObjectSchema;
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
import static com.collectionledger.query.SampleEvents.minutes;
import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(ReadModelTestConfiguration.class)
class BucketProjectionTest {

    @Autowired
    private ReadModelFixture readModel;

    @BeforeEach
    void emptyStore() {
        readModel.clear();
    }

    @Test
    void aBucketIsFoundByIdOrNameInItsNamespaceAndFollowsItsChanges() {
        readModel.given("bkt_1", 0, T0, bucketCreated("bkt_1", "ns_a", "articles", Map.of("team", "search"), T0));

        assertThat(find("ns_a", "articles").bucketId()).isEqualTo("bkt_1");
        assertThat(readModel.find(new FindBucketQuery("ns_b", "bkt_1"), BucketView.class)).isEmpty();

        readModel.given("bkt_1", 1, minutes(1), new BucketUpdated("bkt_1", "ns_a",
                List.of("bucket_name", "description"), "posts", "all posts", ObjectSchema.empty(),
                Map.of("team", "search"), minutes(1)));
        BucketView renamed = find("ns_a", "bkt_1");
        assertThat(renamed.bucketName()).isEqualTo("posts");
        assertThat(renamed.description()).isEqualTo("all posts");
        assertThat(renamed.createdAt()).isEqualTo(T0);
        assertThat(renamed.updatedAt()).isEqualTo(minutes(1));
        assertThat(readModel.find(new FindBucketQuery("ns_a", "articles"), BucketView.class)).isEmpty();

        readModel.given("bkt_1", 2, minutes(2), new BucketDeleted("bkt_1", "ns_a", "posts", minutes(2)));
        assertThat(readModel.find(new FindBucketQuery("ns_a", "bkt_1"), BucketView.class)).isEmpty();
        assertThat(list(ListCriteria.none()).total()).isZero();
    }

    @Test
    void theListIsByNameAndFiltersOnMetadata() {
        readModel.given("bkt_1", 0, T0, bucketCreated("bkt_1", "ns_a", "videos", Map.of("team", "search"), T0));
        readModel.given("bkt_2", 0, T0, bucketCreated("bkt_2", "ns_a", "articles", Map.of("team", "ads"), T0));
        readModel.given("bkt_3", 0, T0, new BucketCloned("bkt_3", "bkt_9", "ns_a", "images", null,
                ObjectSchema.empty(), Map.of("team", "search"), null, T0));
        readModel.given("bkt_4", 0, T0, bucketCreated("bkt_4", "ns_b", "audio", Map.of("team", "search"), T0));

        assertThat(names(list(ListCriteria.none()))).containsExactly("articles", "images", "videos");
        assertThat(names(list(new ListCriteria(new Condition("metadata.team", Operator.EQ, "SEARCH", false), null,
                false, null, false)))).containsExactly("images", "videos");
    }

    private BucketView find(String namespaceId, String identifier) {
        return readModel.find(new FindBucketQuery(namespaceId, identifier), BucketView.class).orElseThrow();
    }

    private BucketPage list(ListCriteria criteria) {
        return readModel.answer(new ListBucketsQuery("ns_a", criteria, 0, 10), BucketPage.class);
    }

    private static List<String> names(BucketPage page) {
        return page.results().stream().map(BucketView::bucketName).toList();
    }
}
