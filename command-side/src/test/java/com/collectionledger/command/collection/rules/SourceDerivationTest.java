package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.InMemoryDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The input schema a source gives: its buckets' schemas or its upstream collections' outputs, united. */
class SourceDerivationTest {

    private static final String CLASHING = "bkt_clashing01";

    private final InMemoryDirectory directory = directory()
            .bucket(CLASHING, NS, "clashing", schema("title", "text"))
            .collection(VIDEO_FRAMES, NS, "video_frames", videoFramesSchemas().outputSchema(), "multimodal_extractor_v1",
                    videoFramesSchemas().sourceLineage());
    private final SourceDerivation sources = new SourceDerivation(directory);
    private final List<Violation> violations = new ArrayList<>();

    private SourceDerivation.DerivedInput derive(SourceConfig source) {
        return sources.derive(NEW_ID, NS, source, violations);
    }

    @Test
    void oneBucketGivesItsSchemaAndNoUpstreamTiers() {
        SourceDerivation.DerivedInput derived = derive(SourceConfig.buckets(List.of(ARTICLES)));

        assertThat(violations).isEmpty();
        assertThat(derived.input()).isEqualTo(ARTICLES_SCHEMA);
        assertThat(derived.bucketSchemas()).isNull();
        assertThat(derived.upstream()).isEmpty();
    }

    @Test
    void severalBucketsGiveTheUnionOfTheirSchemasAndEachSchemaByBucket() {
        SourceDerivation.DerivedInput derived = derive(SourceConfig.buckets(List.of(ARTICLES, AUTHORED)));

        assertThat(derived.input()).isEqualTo(AUTHORED_SCHEMA);
        assertThat(derived.bucketSchemas()).isEqualTo(Map.of(ARTICLES, ARTICLES_SCHEMA, AUTHORED, AUTHORED_SCHEMA));
    }

    @Test
    void aBucketOfAnotherNamespaceDoesNotExistHere() {
        assertThat(derive(SourceConfig.buckets(List.of(ARTICLES, FOREIGN_BUCKET)))).isNull();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("source", "bucket_ids", "1");
            assertThat(v.type()).isEqualTo("not_found");
        });
    }

    @Test
    void bucketsThatTypeAFieldDifferentlyCannotBeUnited() {
        assertThat(derive(SourceConfig.buckets(List.of(ARTICLES, CLASHING)))).isNull();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("source", "bucket_ids");
            assertThat(v.type()).isEqualTo("type_conflict");
            assertThat(v.message()).isEqualTo("field 'title' has type 'string' in one source and 'text' in another");
        });
    }

    @Test
    void aCollectionSourceGivesItsOutputAndItsTiers() {
        SourceDerivation.DerivedInput derived = derive(SourceConfig.collection(VIDEO_FRAMES));

        assertThat(violations).isEmpty();
        assertThat(derived.input()).isEqualTo(videoFramesSchemas().outputSchema());
        assertThat(derived.upstream()).isEqualTo(videoFramesSchemas().sourceLineage());
    }

    @Test
    void aCollectionCannotReadItselfNorAMissingCollection() {
        assertThat(sources.derive(VIDEO_FRAMES, NS, SourceConfig.collection(VIDEO_FRAMES), violations)).isNull();
        assertThat(derive(new SourceConfig(SourceConfig.COLLECTION, null, null, List.of(VIDEO_FRAMES, "col_missing01"),
                null))).isNull();

        assertThat(violations).extracting(Violation::location).containsExactly(List.of("source", "collection_id"),
                List.of("source", "collection_ids", "1"));
        assertThat(violations.get(0).message()).isEqualTo("a collection cannot be its own source");
    }

    @Test
    void aSourceIsRequiredAndIsABucketOrACollectionSource() {
        assertThat(derive(null)).isNull();
        assertThat(derive(new SourceConfig("url", null, null, null, null))).isNull();
        assertThat(derive(SourceConfig.buckets(List.of()))).isNull();

        assertThat(violations).extracting(Violation::location).containsExactly(List.of("source"),
                List.of("source", "type"), List.of("source", "bucket_ids"));
    }

    @Test
    void aRequestedInputSchemaNarrowsToFieldsTheSourceHasWithTheirTypes() {
        ObjectSchema requested = schema("title", "string", "content", "string", "summary", "text");

        ObjectSchema narrowed = SourceDerivation.narrow(ARTICLES_SCHEMA, requested, violations);

        assertThat(narrowed).isEqualTo(schema("title", "string"));
        assertThat(violations).extracting(Violation::location).containsExactly(
                List.of("input_schema", "properties", "content"), List.of("input_schema", "properties", "summary"));
        assertThat(violations).extracting(Violation::type).containsExactly("type_error", "value_error");
    }
}
