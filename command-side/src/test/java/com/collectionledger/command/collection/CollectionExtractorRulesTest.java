package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * feature_extractor: in the catalog and enabled for the namespace; input_mappings, parameters,
 * field_passthrough and the output schema they produce.
 */
class CollectionExtractorRulesTest {

    /** A bucket with an object field, for dotted paths: {title, meta: {author, summary}}. */
    private static final String NESTED = "bkt_nested0001";

    private InMemoryDirectory directory;
    private AggregateTestFixture<Collection> fixture;

    @BeforeEach
    void setUp() {
        Map<String, FieldSchema> nested = new LinkedHashMap<>();
        nested.put("title", FieldSchema.of("string"));
        nested.put("meta", object("author", "string", "summary", "text"));
        directory = Seed.directory().bucket(NESTED, NS, "nested", new ObjectSchema(nested));
        fixture = Fixtures.fixture(Collection.class, directory);
    }

    private static CreateCollectionCommand createFrom(String bucket, FeatureExtractorConfig extractor) {
        return create("extracted", fromBuckets(extractor, bucket));
    }

    private static FeatureExtractorConfig text(Map<String, Object> parameters, FieldPassthrough... passthrough) {
        return extractor("text_extractor", "v1", Map.of("text", "content"), parameters, passthrough);
    }

    // ---- catalog and namespace -------------------------------------------------------------------

    @Test
    void extractorThatIsNotInTheCatalogIsRejected() {
        rejected(fixture, createFrom(ARTICLES, extractor("text_extractor", "v9", Map.of("text", "content"), null)),
                invalidAt("not_found", at("feature_extractor", "feature_extractor_name")));
    }

    @Test
    void extractorOfTheCatalogThatTheNamespaceDidNotEnableIsRejected() {
        directory.namespace(NS, NS_NAME, "text_extractor_v1");

        rejected(fixture, create("frames", videoFramesConfig()),
                invalidOnlyAt(at("feature_extractor", "feature_extractor_name")));
    }

    @Test
    void extractorVersionNotEnabledIsRejectedEvenWhenAnotherVersionIs() {
        directory.namespace(NS, NS_NAME, "image_extractor_v1")
                .bucket("bkt_images0001", NS, "images", schema("image", "image"));

        rejected(fixture,
                createFrom("bkt_images0001", extractor("image_extractor", "v2", Map.of("image", "image"), null)),
                invalidOnlyAt(at("feature_extractor", "feature_extractor_name")));
    }

    @Test
    void missingExtractorIsRejected() {
        rejected(fixture, create("no_extractor", fromBuckets(null, ARTICLES)),
                invalidOnlyAt(at("feature_extractor")));
    }

    @Test
    void extractorWithoutVersionIsRejected() {
        rejected(fixture, createFrom(ARTICLES, extractor("text_extractor", null, Map.of("text", "content"), null)),
                invalidOnlyAt(at("feature_extractor", "version")));
    }

    // ---- input mappings --------------------------------------------------------------------------

    @Test
    void inputMappingKeyThatIsNotAnInputOfTheExtractorIsRejected() {
        rejected(fixture, createFrom(ARTICLES, extractor("text_extractor", "v1",
                        Map.of("text", "content", "image", "title"), null)),
                invalidOnlyAt(at("feature_extractor", "input_mappings", "image")));
    }

    @Test
    void requiredInputThatIsNotMappedIsRejected() {
        rejected(fixture, createFrom(ARTICLES, extractor("text_extractor", "v1", Map.of(), null)),
                invalidAt("missing", at("feature_extractor", "input_mappings", "text")));
    }

    @Test
    void multimodalExtractorNeedsAtLeastOneInputMapped() {
        rejected(fixture, createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of(), null)),
                invalidOnlyAt(at("feature_extractor", "input_mappings")));
    }

    @Test
    void multimodalExtractorAcceptsAnyOneOfItsInputs() {
        CollectionCreated event = onlyEvent(fixture, createFrom(ARTICLES,
                extractor("multimodal_extractor", "v1", Map.of("text", "content"), null)),
                CollectionCreated.class);

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("multimodal_extractor_v1_embedding", "array"));
    }

    @Test
    void inputMappedToAFieldTheInputSchemaDoesNotHaveIsRejected() {
        rejected(fixture, createFrom(ARTICLES, extractor("text_extractor", "v1", Map.of("text", "transcript"), null)),
                invalidAt("value_error", at("feature_extractor", "input_mappings", "text")));
    }

    @Test
    void inputMappedToAFieldOfATypeTheInputDoesNotAcceptIsRejected() {
        rejected(fixture, createFrom(VIDEOS, extractor("text_extractor", "v1", Map.of("text", "video"), null)),
                invalidAt("type_error", at("feature_extractor", "input_mappings", "text")));
    }

    @Test
    void textInputAcceptsAStringField() {
        CollectionCreated event = onlyEvent(fixture, createFrom(ARTICLES,
                extractor("text_extractor", "v1", Map.of("text", "title"), null)),
                CollectionCreated.class);

        assertThat(event.config().featureExtractor().inputMappings()).isEqualTo(Map.of("text", "title"));
    }

    @Test
    void inputMappingWithADottedPathWalksIntoObjectFields() {
        CollectionCreated event = onlyEvent(fixture, createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "meta.summary"), null)),
                CollectionCreated.class);

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("text_extractor_v1_embedding", "array"));
    }

    @Test
    void inputMappedToAnObjectFieldItselfIsRejectedAsTheWrongType() {
        rejected(fixture, createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "meta"), null)),
                invalidAt("type_error", at("feature_extractor", "input_mappings", "text")));
    }

    // ---- parameters ------------------------------------------------------------------------------

    @Test
    void parametersThatFitTheParameterSchemaAreAcceptedAndKept() {
        Map<String, Object> parameters = Map.of("model", "text-embedding-3-small", "chunk_size", 500,
                "split_by", "words");

        CollectionCreated event = onlyEvent(fixture, createFrom(ARTICLES, text(parameters)), CollectionCreated.class);

        assertThat(event.config().featureExtractor().parameters()).isEqualTo(parameters);
    }

    @Test
    void parameterThatTheExtractorDoesNotHaveIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(Map.of("temperature", 1))),
                invalidAt("extra_forbidden", at("feature_extractor", "parameters", "temperature")));
    }

    @Test
    void parameterOfTheWrongTypeIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(Map.of("chunk_size", "big"))),
                invalidOnlyAt(at("feature_extractor", "parameters", "chunk_size")));
    }

    @Test
    void integerParameterWithAFractionIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(Map.of("chunk_size", 10.5))),
                invalidOnlyAt(at("feature_extractor", "parameters", "chunk_size")));
    }

    @Test
    void parameterAboveItsMaximumIsRejected() {
        rejected(fixture, createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of("video", "video"),
                        Map.of("fps", 61))),
                invalidOnlyAt(at("feature_extractor", "parameters", "fps")));
    }

    @Test
    void parameterBelowItsMinimumIsRejected() {
        rejected(fixture, createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of("video", "video"),
                        Map.of("fps", 0))),
                invalidOnlyAt(at("feature_extractor", "parameters", "fps")));
    }

    @Test
    void stringParameterOutsideItsEnumIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(Map.of("split_by", "lines"))),
                invalidOnlyAt(at("feature_extractor", "parameters", "split_by")));
    }

    @Test
    void nullParameterValueIsRejected() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", null);

        rejected(fixture, createFrom(ARTICLES, text(parameters)),
                invalidOnlyAt(at("feature_extractor", "parameters", "model")));
    }

    // ---- field passthrough and output schema -----------------------------------------------------

    @Test
    void passthroughWhoseSourcePathIsNotInTheInputSchemaIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(null, pass("author"))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void passthroughWithoutSourcePathIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(null, pass("title"), new FieldPassthrough(null, "x", null, null))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "1", "source_path")));
    }

    @Test
    void dottedPassthroughWalksIntoObjectFieldsAndIsNamedByItsLastComponent() {
        CollectionCreated event = onlyEvent(fixture, createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "title"), null, pass("meta.author"))),
                CollectionCreated.class);

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("author", "string", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void dottedPassthroughThroughAFieldThatIsNotAnObjectIsRejected() {
        rejected(fixture, createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "title"), null,
                        pass("title.author"))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void dottedPassthroughToAMissingNestedFieldIsRejected() {
        rejected(fixture, createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "title"), null,
                        pass("meta.isbn"))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void passthroughOfAnObjectFieldKeepsItsNestedSchema() {
        CollectionCreated event = onlyEvent(fixture, createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "title"), null, pass("meta"))),
                CollectionCreated.class);

        assertThat(event.schemas().outputSchema().properties().get("meta"))
                .isEqualTo(object("author", "string", "summary", "text"));
    }

    @Test
    void targetPathRenamesThePassthroughField() {
        CollectionCreated event = onlyEvent(fixture,
                createFrom(ARTICLES, text(null, pass("title", "headline"))), CollectionCreated.class);

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("headline", "string", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void passthroughRequiredAndDefaultAreCarriedInTheConfiguration() {
        FieldPassthrough title = new FieldPassthrough("title", null, "untitled", true);

        CollectionCreated event = onlyEvent(fixture, createFrom(ARTICLES, text(null, title)), CollectionCreated.class);

        assertThat(event.config().featureExtractor().fieldPassthrough()).containsExactly(title);
    }

    @Test
    void twoPassthroughFieldsWithOneOutputNameAreRejected() {
        rejected(fixture, createFrom(ARTICLES, text(null, pass("title"), pass("content", "title"))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "1")));
    }

    @Test
    void passthroughNamedLikeTheExtractorOutputIsRejected() {
        rejected(fixture, createFrom(ARTICLES, text(null, pass("title", "text_extractor_v1_embedding"))),
                invalidOnlyAt(at("feature_extractor", "field_passthrough")));
    }

    @Test
    void outputFieldOfTheExtractorIsNamedNameVersionOutput() {
        directory.bucket("bkt_images0001", NS, "images", schema("image", "image"));

        CollectionCreated event = onlyEvent(fixture, createFrom("bkt_images0001",
                extractor("image_extractor", "v2", Map.of("image", "image"), null)),
                CollectionCreated.class);

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("image_extractor_v2_embedding", "array"));
    }

    @Test
    void includeAllSourceFieldsCopiesEveryInputFieldBeforeTheExtractorOutput() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), null, true);

        CollectionCreated event = onlyEvent(fixture, createFrom(AUTHORED, includeAll), CollectionCreated.class);

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("title", "string", "content", "text",
                "author", "string", "text_extractor_v1_embedding", "array"));
        assertThat(List.copyOf(event.schemas().outputSchema().properties().keySet()))
                .containsExactly("title", "content", "author", "text_extractor_v1_embedding");
    }

    @Test
    void includeAllSourceFieldsWithAPassthroughOfAnInputFieldKeepsOneField() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("title")), true);

        CollectionCreated event = onlyEvent(fixture, createFrom(ARTICLES, includeAll), CollectionCreated.class);

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("title", "string", "content", "text", "text_extractor_v1_embedding", "array"));
    }

    /** Two output fields with one name are a 422, include_all_source_fields or not. */
    @Test
    void includeAllSourceFieldsWithAPassthroughRenamedOntoAnotherInputFieldIsRejected() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("content", "title")), true);

        rejected(fixture, createFrom(ARTICLES, includeAll),
                invalidAt("feature_extractor", "field_passthrough", "0"));
    }

    /** Two output fields with one name are a 422, include_all_source_fields or not. */
    @Test
    void includeAllSourceFieldsWithTwoPassthroughsToOneTargetIsRejected() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("title", "label"), pass("content", "label")), true);

        rejected(fixture, createFrom(ARTICLES, includeAll),
                invalidAt("feature_extractor", "field_passthrough", "1"));
    }

    @Test
    void includeAllSourceFieldsOfACollectionWithTheSameExtractorOutputIsRejected() {
        directory.record(videoFramesCreated());
        FeatureExtractorConfig again = new FeatureExtractorConfig("multimodal_extractor", "v1", null,
                Map.of("text", "campaign_id"), null, true);

        rejected(fixture, create("frames_again",
                        new CollectionConfig(null, SourceConfig.collection(VIDEO_FRAMES), again, null, null, null)),
                invalidOnlyAt(at("feature_extractor", "field_passthrough")));
    }

    // ---- all at once -----------------------------------------------------------------------------

    @Test
    void everyViolationOfOneConfigurationIsReportedTogether() {
        CollectionConfig config = new CollectionConfig("d".repeat(2_001), SourceConfig.buckets(List.of(ARTICLES)),
                extractor("text_extractor", "v1", Map.of("text", "transcript"), Map.of("chunk_size", 0),
                        pass("author")),
                null, null, null);

        rejected(fixture, create("many_problems", config), invalidOnlyAt(
                at("description"),
                at("feature_extractor", "input_mappings", "text"),
                at("feature_extractor", "parameters", "chunk_size"),
                at("feature_extractor", "field_passthrough", "0", "source_path")));
    }
}
