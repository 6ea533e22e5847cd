package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.support.Captured;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
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

    private void rejected(CreateCollectionCommand command, Matcher<Object> error) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(error);
    }

    private CollectionCreated created(CreateCollectionCommand command) {
        Captured<CollectionCreated> created = Captured.event(CollectionCreated.class);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(created.onlyEvent());
        return created.value();
    }

    // ---- catalog and namespace -------------------------------------------------------------------

    @Test
    void extractorThatIsNotInTheCatalogIsRejected() {
        rejected(createFrom(ARTICLES, extractor("text_extractor", "v9", Map.of("text", "content"), null)),
                invalidAt("not_found", at("body", "feature_extractor", "feature_extractor_name")));
    }

    @Test
    void extractorOfTheCatalogThatTheNamespaceDidNotEnableIsRejected() {
        directory.namespace(NS, NS_NAME, "text_extractor_v1");

        rejected(create("frames", videoFramesConfig()),
                invalidOnlyAt(at("body", "feature_extractor", "feature_extractor_name")));
    }

    @Test
    void extractorVersionNotEnabledIsRejectedEvenWhenAnotherVersionIs() {
        directory.namespace(NS, NS_NAME, "image_extractor_v1")
                .bucket("bkt_images0001", NS, "images", schema("image", "image"));

        rejected(createFrom("bkt_images0001", extractor("image_extractor", "v2", Map.of("image", "image"), null)),
                invalidOnlyAt(at("body", "feature_extractor", "feature_extractor_name")));
    }

    @Test
    void missingExtractorIsRejected() {
        rejected(create("no_extractor", fromBuckets(null, ARTICLES)), invalidOnlyAt(at("body", "feature_extractor")));
    }

    @Test
    void extractorWithoutVersionIsRejected() {
        rejected(createFrom(ARTICLES, extractor("text_extractor", null, Map.of("text", "content"), null)),
                invalidOnlyAt(at("body", "feature_extractor", "version")));
    }

    // ---- input mappings --------------------------------------------------------------------------

    @Test
    void inputMappingKeyThatIsNotAnInputOfTheExtractorIsRejected() {
        rejected(createFrom(ARTICLES, extractor("text_extractor", "v1",
                        Map.of("text", "content", "image", "title"), null)),
                invalidOnlyAt(at("body", "feature_extractor", "input_mappings", "image")));
    }

    @Test
    void requiredInputThatIsNotMappedIsRejected() {
        rejected(createFrom(ARTICLES, extractor("text_extractor", "v1", Map.of(), null)),
                invalidAt("missing", at("body", "feature_extractor", "input_mappings", "text")));
    }

    @Test
    void multimodalExtractorNeedsAtLeastOneInputMapped() {
        rejected(createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of(), null)),
                invalidOnlyAt(at("body", "feature_extractor", "input_mappings")));
    }

    @Test
    void multimodalExtractorAcceptsAnyOneOfItsInputs() {
        CollectionCreated event = created(createFrom(ARTICLES,
                extractor("multimodal_extractor", "v1", Map.of("text", "content"), null)));

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("multimodal_extractor_v1_embedding", "array"));
    }

    @Test
    void inputMappedToAFieldTheInputSchemaDoesNotHaveIsRejected() {
        rejected(createFrom(ARTICLES, extractor("text_extractor", "v1", Map.of("text", "transcript"), null)),
                invalidAt("value_error", at("body", "feature_extractor", "input_mappings", "text")));
    }

    @Test
    void inputMappedToAFieldOfATypeTheInputDoesNotAcceptIsRejected() {
        rejected(createFrom(VIDEOS, extractor("text_extractor", "v1", Map.of("text", "video"), null)),
                invalidAt("type_error", at("body", "feature_extractor", "input_mappings", "text")));
    }

    @Test
    void textInputAcceptsAStringField() {
        CollectionCreated event = created(createFrom(ARTICLES,
                extractor("text_extractor", "v1", Map.of("text", "title"), null)));

        assertThat(event.config().featureExtractor().inputMappings()).isEqualTo(Map.of("text", "title"));
    }

    @Test
    void inputMappingWithADottedPathWalksIntoObjectFields() {
        CollectionCreated event = created(createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "meta.summary"), null)));

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("text_extractor_v1_embedding", "array"));
    }

    @Test
    void inputMappedToAnObjectFieldItselfIsRejectedAsTheWrongType() {
        rejected(createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "meta"), null)),
                invalidAt("type_error", at("body", "feature_extractor", "input_mappings", "text")));
    }

    // ---- parameters ------------------------------------------------------------------------------

    @Test
    void parametersThatFitTheParameterSchemaAreAcceptedAndKept() {
        Map<String, Object> parameters = Map.of("model", "text-embedding-3-small", "chunk_size", 500,
                "split_by", "words");

        CollectionCreated event = created(createFrom(ARTICLES, text(parameters)));

        assertThat(event.config().featureExtractor().parameters()).isEqualTo(parameters);
    }

    @Test
    void parameterThatTheExtractorDoesNotHaveIsRejected() {
        rejected(createFrom(ARTICLES, text(Map.of("temperature", 1))),
                invalidAt("extra_forbidden", at("body", "feature_extractor", "parameters", "temperature")));
    }

    @Test
    void parameterOfTheWrongTypeIsRejected() {
        rejected(createFrom(ARTICLES, text(Map.of("chunk_size", "big"))),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "chunk_size")));
    }

    @Test
    void integerParameterWithAFractionIsRejected() {
        rejected(createFrom(ARTICLES, text(Map.of("chunk_size", 10.5))),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "chunk_size")));
    }

    @Test
    void parameterAboveItsMaximumIsRejected() {
        rejected(createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of("video", "video"),
                        Map.of("fps", 61))),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "fps")));
    }

    @Test
    void parameterBelowItsMinimumIsRejected() {
        rejected(createFrom(VIDEOS, extractor("multimodal_extractor", "v1", Map.of("video", "video"),
                        Map.of("fps", 0))),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "fps")));
    }

    @Test
    void stringParameterOutsideItsEnumIsRejected() {
        rejected(createFrom(ARTICLES, text(Map.of("split_by", "lines"))),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "split_by")));
    }

    @Test
    void nullParameterValueIsRejected() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", null);

        rejected(createFrom(ARTICLES, text(parameters)),
                invalidOnlyAt(at("body", "feature_extractor", "parameters", "model")));
    }

    // ---- field passthrough and output schema -----------------------------------------------------

    @Test
    void passthroughWhoseSourcePathIsNotInTheInputSchemaIsRejected() {
        rejected(createFrom(ARTICLES, text(null, pass("author"))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void passthroughWithoutSourcePathIsRejected() {
        rejected(createFrom(ARTICLES, text(null, pass("title"), new FieldPassthrough(null, "x", null, null))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough", "1", "source_path")));
    }

    @Test
    void dottedPassthroughWalksIntoObjectFieldsAndIsNamedByItsLastComponent() {
        CollectionCreated event = created(createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "title"), null, pass("meta.author"))));

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("author", "string", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void dottedPassthroughThroughAFieldThatIsNotAnObjectIsRejected() {
        rejected(createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "title"), null,
                        pass("title.author"))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void dottedPassthroughToAMissingNestedFieldIsRejected() {
        rejected(createFrom(NESTED, extractor("text_extractor", "v1", Map.of("text", "title"), null,
                        pass("meta.isbn"))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void passthroughOfAnObjectFieldKeepsItsNestedSchema() {
        CollectionCreated event = created(createFrom(NESTED,
                extractor("text_extractor", "v1", Map.of("text", "title"), null, pass("meta"))));

        assertThat(event.schemas().outputSchema().properties().get("meta"))
                .isEqualTo(object("author", "string", "summary", "text"));
    }

    @Test
    void targetPathRenamesThePassthroughField() {
        CollectionCreated event = created(createFrom(ARTICLES, text(null, pass("title", "headline"))));

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("headline", "string", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void passthroughRequiredAndDefaultAreCarriedInTheConfiguration() {
        FieldPassthrough title = new FieldPassthrough("title", null, "untitled", true);

        CollectionCreated event = created(createFrom(ARTICLES, text(null, title)));

        assertThat(event.config().featureExtractor().fieldPassthrough()).containsExactly(title);
    }

    @Test
    void twoPassthroughFieldsWithOneOutputNameAreRejected() {
        rejected(createFrom(ARTICLES, text(null, pass("title"), pass("content", "title"))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough", "1")));
    }

    @Test
    void passthroughNamedLikeTheExtractorOutputIsRejected() {
        rejected(createFrom(ARTICLES, text(null, pass("title", "text_extractor_v1_embedding"))),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough")));
    }

    @Test
    void outputFieldOfTheExtractorIsNamedNameVersionOutput() {
        directory.bucket("bkt_images0001", NS, "images", schema("image", "image"));

        CollectionCreated event = created(createFrom("bkt_images0001",
                extractor("image_extractor", "v2", Map.of("image", "image"), null)));

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("image_extractor_v2_embedding", "array"));
    }

    @Test
    void includeAllSourceFieldsCopiesEveryInputFieldBeforeTheExtractorOutput() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), null, true);

        CollectionCreated event = created(createFrom(AUTHORED, includeAll));

        assertThat(event.schemas().outputSchema()).isEqualTo(schema("title", "string", "content", "text",
                "author", "string", "text_extractor_v1_embedding", "array"));
        assertThat(List.copyOf(event.schemas().outputSchema().properties().keySet()))
                .containsExactly("title", "content", "author", "text_extractor_v1_embedding");
    }

    @Test
    void includeAllSourceFieldsWithAPassthroughOfAnInputFieldKeepsOneField() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("title")), true);

        CollectionCreated event = created(createFrom(ARTICLES, includeAll));

        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("title", "string", "content", "text", "text_extractor_v1_embedding", "array"));
    }

    /** SPEC §4: "Two output fields with one name is a 422", include_all_source_fields or not. */
    @Test
    void includeAllSourceFieldsWithAPassthroughRenamedOntoAnotherInputFieldIsRejected() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("content", "title")), true);

        rejected(createFrom(ARTICLES, includeAll),
                invalidAt("body", "feature_extractor", "field_passthrough", "0"));
    }

    /** SPEC §4: "Two output fields with one name is a 422", include_all_source_fields or not. */
    @Test
    void includeAllSourceFieldsWithTwoPassthroughsToOneTargetIsRejected() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), List.of(pass("title", "label"), pass("content", "label")), true);

        rejected(createFrom(ARTICLES, includeAll),
                invalidAt("body", "feature_extractor", "field_passthrough", "1"));
    }

    @Test
    void includeAllSourceFieldsOfACollectionWithTheSameExtractorOutputIsRejected() {
        directory.record(videoFramesCreated());
        FeatureExtractorConfig again = new FeatureExtractorConfig("multimodal_extractor", "v1", null,
                Map.of("text", "campaign_id"), null, true);

        rejected(create("frames_again", new CollectionConfig(null, SourceConfig.collection(VIDEO_FRAMES), again,
                        null, null, null)),
                invalidOnlyAt(at("body", "feature_extractor", "field_passthrough")));
    }

    // ---- all at once -----------------------------------------------------------------------------

    @Test
    void everyViolationOfOneConfigurationIsReportedTogether() {
        CollectionConfig config = new CollectionConfig("d".repeat(2_001), SourceConfig.buckets(List.of(ARTICLES)),
                extractor("text_extractor", "v1", Map.of("text", "transcript"), Map.of("chunk_size", 0),
                        pass("author")),
                null, null, null);

        rejected(create("many_problems", config), invalidOnlyAt(
                at("body", "description"),
                at("body", "feature_extractor", "input_mappings", "text"),
                at("body", "feature_extractor", "parameters", "chunk_size"),
                at("body", "feature_extractor", "field_passthrough", "0", "source_path")));
    }
}
