package com.collectionledger.query.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.query.CollectionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionViewsTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-01-02T00:00:00Z");

    private final CollectionView created = CollectionViews.apply(null, new CollectionCreated("col_1", "ns_1", "docs",
            new CollectionConfig("first", SourceConfig.buckets(List.of("bkt_1")),
                    new FeatureExtractorConfig("text_extractor", "v1", Map.of(), Map.of(), List.of(), false),
                    true, Map.of(), List.of()),
            new CollectionSchemas(null, null, null, List.of()), CREATED), 0);

    @Test
    void anUpdateChangesOnlyWhatPatchMayChange() {
        CollectionView updated = CollectionViews.apply(created, new CollectionUpdated("col_1", "ns_1",
                List.of("collection_name", "enabled", "metadata"), "renamed", "first", false, Map.of("team", "a"),
                List.of(), UPDATED), 1);

        assertThat(updated.collectionName()).isEqualTo("renamed");
        assertThat(updated.config().enabled()).isFalse();
        assertThat(updated.config().metadata()).containsEntry("team", "a");
        assertThat(updated.config().source()).isEqualTo(created.config().source());
        assertThat(updated.config().featureExtractor()).isEqualTo(created.config().featureExtractor());
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.createdAt()).isEqualTo(CREATED);
        assertThat(updated.updatedAt()).isEqualTo(UPDATED);
    }

    @Test
    void aDeletionLeavesNoViewAndAnUpdateOfNoViewNone() {
        assertThat(CollectionViews.apply(created, new CollectionDeleted("col_1", "ns_1", "docs", UPDATED), 1)).isNull();
        assertThat(CollectionViews.apply(null, new CollectionUpdated("col_1", "ns_1", List.of("description"), "docs",
                "second", true, Map.of(), List.of(), UPDATED), 1)).isNull();
    }

    @Test
    void everyPatchableFieldHasAValueInTheView() {
        for (String field : CollectionUpdated.PATCHABLE_FIELDS) {
            assertThat(CollectionViews.patchableValue(created, field)).as(field).isNotNull();
        }
    }
}
