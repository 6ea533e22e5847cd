package com.collectionledger.query.filter;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.query.TemplateView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template list's catalog: its columns, its indexed values, and where its metadata is. */
class TemplateListFieldsTest {

    private static final ListFields<TemplateView> TEMPLATES = ListFields.TEMPLATES;

    @Test
    void indexedValuesAreTheTagsAndTheCapturedConfigurationsListsAndNestedFields() {
        CollectionConfig config = new CollectionConfig("news", SourceConfig.buckets(List.of("bkt_a", "bkt_b")),
                new FeatureExtractorConfig("text_extractor", "v1", Map.of(), Map.of("text", "content"), List.of(), false),
                true, Map.of("team", "search", "tier", 2), List.of(new TaxonomyApplication("tax_genres", null, null,
                null, null)));
        TemplateView view = new TemplateView("tmpl_1", "ns_1", "Article search", "d", "organization", "search",
                List.of("text", "prod"), "col_1", "article_embeddings", 3, config, null, "key_1",
                Instant.EPOCH, Instant.EPOCH);

        assertThat(TEMPLATES.indexedValues(view)).containsExactlyInAnyOrder(
                new FieldValue("tags", "text"), new FieldValue("tags", "prod"),
                new FieldValue("source_collection_name", "article_embeddings"),
                new FieldValue("created_by", "key_1"),
                new FieldValue("configuration.source.type", "bucket"),
                new FieldValue("configuration.source.bucket_ids", "bkt_a"),
                new FieldValue("configuration.source.bucket_ids", "bkt_b"),
                new FieldValue("configuration.feature_extractor.feature_extractor_id", "text_extractor_v1"),
                new FieldValue("configuration.feature_extractor.feature_extractor_name", "text_extractor"),
                new FieldValue("configuration.feature_extractor.version", "v1"),
                new FieldValue("configuration.taxonomy_applications.taxonomy_id", "tax_genres"),
                new FieldValue("configuration.metadata.team", "search"),
                new FieldValue("configuration.metadata.tier", 2));
    }

    @Test
    void columnsSortListsDoNotAndMetadataIsUnderTheConfiguration() {
        assertThat(TEMPLATES.sortNames()).contains("template_id", "name", "category", "scope", "created_at",
                "updated_at").doesNotContain("tags");
        assertThat(TEMPLATES.resolve("template_name").map(ListField::column)).contains("name");
        assertThat(TEMPLATES.resolve("configuration.metadata.team").map(ListField::type)).contains(FieldType.ANY);
        assertThat(TEMPLATES.resolve("metadata.team")).isEmpty();
        assertThat(TEMPLATES.names()).contains("tags", "configuration.metadata.<key>");
    }
}
