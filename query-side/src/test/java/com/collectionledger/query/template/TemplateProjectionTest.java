package com.collectionledger.query.template;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.query.FindTemplateQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Operator;
import com.collectionledger.api.query.ListTemplatesQuery;
import com.collectionledger.api.query.TemplatePage;
import com.collectionledger.api.query.TemplateView;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.query.ReadModelFixture;
import com.collectionledger.query.ReadModelTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.collectionledger.query.SampleEvents.T0;
import static com.collectionledger.query.SampleEvents.minutes;
import static com.collectionledger.query.SampleEvents.readingBucket;
import static com.collectionledger.query.SampleEvents.readingBuckets;
import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(ReadModelTestConfiguration.class)
class TemplateProjectionTest {

    @Autowired
    private ReadModelFixture readModel;

    @BeforeEach
    void emptyStore() {
        readModel.clear();
    }

    @Test
    void aTemplateRecordsWhoCapturedItFromItsEventsMetadata() {
        readModel.given("tmpl_1", 0, T0, template("tmpl_1", "starter", List.of("text"), "bkt_1", T0),
                Map.of(AuditMetadata.ACTOR_KEY_ID, "key_alice", AuditMetadata.REQUEST_ID, "req-1"));

        TemplateView view = readModel.find(new FindTemplateQuery("ns_a", "tmpl_1"), TemplateView.class).orElseThrow();
        assertThat(view.createdBy()).isEqualTo("key_alice");
        assertThat(view.sourceCollectionId()).isEqualTo("col_1");
        assertThat(view.sourceVersion()).isEqualTo(3);
        assertThat(view.configuration()).isEqualTo(readingBucket("bkt_1"));
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(readModel.find(new FindTemplateQuery("ns_b", "tmpl_1"), TemplateView.class)).isEmpty();
    }

    @Test
    void templatesFilterOnTagsAndConfigurationAndSearchTheirTags() {
        readModel.given("tmpl_1", 0, T0, template("tmpl_1", "starter", List.of("text", "news"), "bkt_1", T0));
        readModel.given("tmpl_2", 0, minutes(1), template("tmpl_2", "images", List.of("vision"), "bkt_2", minutes(1)));

        assertThat(ids(list(ListCriteria.none()))).containsExactly("tmpl_1", "tmpl_2");
        assertThat(ids(list(where(new Condition("tags", Operator.EQ, "news", false))))).containsExactly("tmpl_1");
        assertThat(ids(list(where(new Condition("configuration.source.bucket_ids", Operator.IN, List.of("bkt_2"),
                false))))).containsExactly("tmpl_2");
        assertThat(ids(list(new ListCriteria(null, "VISION", false, null, false)))).containsExactly("tmpl_2");
    }

    private static TemplateCreated template(String templateId, String name, List<String> tags, String bucketId,
                                            Instant at) {
        return new TemplateCreated(templateId, "ns_a", name, "captured from col_1", "organization", "general", tags,
                "col_1", "source", 3, readingBuckets(List.of(bucketId), null, true, Map.of()), ObjectSchema.empty(),
                at);
    }

    private static ListCriteria where(Condition condition) {
        return new ListCriteria(condition, null, false, null, false);
    }

    private TemplatePage list(ListCriteria criteria) {
        return readModel.answer(new ListTemplatesQuery("ns_a", criteria, 0, 10), TemplatePage.class);
    }

    private static List<String> ids(TemplatePage page) {
        return page.results().stream().map(TemplateView::templateId).toList();
    }
}
