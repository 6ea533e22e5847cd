package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CollectionOverrides.applyTo: present parts replace whole, omitted parts are copied. */
class CollectionOverridesTest {

    private static final TaxonomyApplication TAXONOMY = new TaxonomyApplication("tax_1", null, null, null, null);
    private static final CollectionConfig BASE = new CollectionConfig("base", SourceConfig.buckets(List.of(ARTICLES)),
            extractor("text_extractor", "v1", Map.of("text", "content"), Map.of("model", "m1", "chunk_size", 100),
                    pass("title")),
            true, Map.of("team", "news", "tier", 1), List.of(TAXONOMY));

    @Test
    void noOverridesCopyTheWholeConfiguration() {
        assertThat(CollectionOverrides.none().applyTo(BASE)).isEqualTo(BASE);
        assertThat(CollectionOverrides.none().overriddenFields()).isEmpty();
    }

    @Test
    void eachOverrideReplacesItsPartWholeAndLeavesTheOthers() {
        FeatureExtractorConfig bare = extractor("text_extractor", "v1", Map.of("text", "title"), null);
        CollectionOverrides overrides = new CollectionOverrides(null, null, bare, null, Map.of("owner", "ana"), null);

        CollectionConfig merged = overrides.applyTo(BASE);

        assertThat(merged).isEqualTo(new CollectionConfig("base", BASE.source(), bare, true, Map.of("owner", "ana"),
                List.of(TAXONOMY)));
        assertThat(merged.featureExtractor().parameters()).isNull();
        assertThat(merged.featureExtractor().fieldPassthrough()).isEmpty();
    }

    @Test
    void emptyValuesAreOverridesToo() {
        CollectionConfig merged = new CollectionOverrides("", null, null, false, Map.of(), List.of()).applyTo(BASE);

        assertThat(merged.description()).isEmpty();
        assertThat(merged.enabled()).isFalse();
        assertThat(merged.metadata()).isEmpty();
        assertThat(merged.taxonomyApplications()).isEmpty();
    }

    @Test
    void overriddenFieldsNameThePresentPartsInAFixedSnakeCaseOrder() {
        CollectionOverrides all = new CollectionOverrides("d", SourceConfig.buckets(List.of(VIDEOS)),
                textOnContent(), false, Map.of(), List.of());

        assertThat(all.overriddenFields()).containsExactly("description", "source", "feature_extractor", "enabled",
                "metadata", "taxonomy_applications");
        assertThat(new CollectionOverrides(null, null, null, false, null, List.of()).overriddenFields())
                .containsExactly("enabled", "taxonomy_applications");
    }
}
