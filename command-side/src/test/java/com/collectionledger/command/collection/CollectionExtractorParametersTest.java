package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The parameters of Mixpeek's TextExtractorParams, ImageExtractorParams and MultimodalExtractorParams that
 * the catalog takes besides the built-in ones ({@code model}, {@code chunk_size}, {@code split_by},
 * {@code fps}, {@code threshold}) and the {@code extractor_type} discriminator of every extractor:
 * for each, a value Mixpeek's schema accepts is kept, and one it rejects is a 422 at the parameter.
 */
class CollectionExtractorParametersTest {

    private static final String PRODUCTS = "bkt_products01";

    private AggregateTestFixture<Collection> fixture;

    @BeforeEach
    void setUp() {
        InMemoryDirectory directory = Seed.directory()
                .bucket(PRODUCTS, NS, "products", schema("product_image", "image", "title", "string"))
                .record(videoFramesCreated());
        fixture = Fixtures.fixture(Collection.class, directory);
    }

    /** One case: the extractor, a parameter, a value that fits and one that does not. */
    static Stream<Arguments> addedParameters() {
        List<Arguments> cases = new ArrayList<>();
        for (String extractor : List.of("text_extractor_v1", "image_extractor_v1", "image_extractor_v2",
                "multimodal_extractor_v1", "scene_extractor_v1")) {
            cases.add(Arguments.of(extractor, "extractor_type", extractor.substring(0, extractor.lastIndexOf('_')),
                    "some_other_extractor"));
        }
        for (String image : List.of("image_extractor_v1", "image_extractor_v2")) {
            cases.add(Arguments.of(image, "enable_thumbnails", false, "no"));
            cases.add(Arguments.of(image, "use_cdn", true, 1));
        }
        String text = "text_extractor_v1";
        cases.add(Arguments.of(text, "source_type", "youtube", "rss"));
        cases.add(Arguments.of(text, "split_by", "time_segments", "lines"));
        cases.add(Arguments.of(text, "chunk_overlap", 5000, 5001));
        cases.add(Arguments.of(text, "segment_length_seconds", 30, 29));
        cases.add(Arguments.of(text, "language", "de", 7));
        cases.add(Arguments.of(text, "extract_captions", false, "false"));
        cases.add(Arguments.of(text, "response_shape", Map.of("type", "object"), 42));
        cases.add(Arguments.of(text, "llm_provider", null, 1));
        cases.add(Arguments.of(text, "llm_model", "gpt-4o-mini", true));
        cases.add(Arguments.of(text, "llm_api_key", "{{SECRET.openai_api_key}}", "sk-proj-abc123"));
        String multimodal = "multimodal_extractor_v1";
        cases.add(Arguments.of(multimodal, "split_method", "silence", "shot"));
        cases.add(Arguments.of(multimodal, "description_prompt", "Describe the products.", 5));
        cases.add(Arguments.of(multimodal, "time_split_interval", null, 2.5));
        cases.add(Arguments.of(multimodal, "silence_db_threshold", -40, "quiet"));
        cases.add(Arguments.of(multimodal, "scene_detection_threshold", 0.3, "high"));
        cases.add(Arguments.of(multimodal, "run_transcription", true, "yes"));
        cases.add(Arguments.of(multimodal, "transcription_language", "fr", false));
        cases.add(Arguments.of(multimodal, "run_video_description", true, 0));
        cases.add(Arguments.of(multimodal, "run_transcription_embedding", true, "true"));
        cases.add(Arguments.of(multimodal, "run_multimodal_embedding", false, List.of()));
        cases.add(Arguments.of(multimodal, "run_ocr", true, "on"));
        cases.add(Arguments.of(multimodal, "sensitivity", "high", 3));
        cases.add(Arguments.of(multimodal, "enable_thumbnails", false, "false"));
        cases.add(Arguments.of(multimodal, "use_cdn", true, "cdn"));
        cases.add(Arguments.of(multimodal, "generation_config", Map.of("temperature", 0.2, "top_p", 0.9),
                "creative"));
        cases.add(Arguments.of(multimodal, "response_shape", "Extract product names and colors", List.of("names")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2} is kept, {3} is a 422")
    @MethodSource("addedParameters")
    void addedParameterIsKeptWhenItFitsAndRejectedAtItsPathWhenNot(String extractorId, String parameter,
                                                                   Object fits, Object doesNotFit) {
        Map<String, Object> accepted = Collections.singletonMap(parameter, fits);

        CollectionCreated created = onlyEvent(fixture, create("fits", config(extractorId, accepted)),
                CollectionCreated.class);

        assertThat(created.config().featureExtractor().parameters()).isEqualTo(accepted);
        rejected(fixture, create("does_not_fit", config(extractorId, Map.of(parameter, doesNotFit))),
                invalidOnlyAt(at("feature_extractor", "parameters", parameter)));
    }

    @Test
    void fieldsOfGenerationConfigAreCheckedAtTheirOwnPath() {
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("temperature", "hot");
        generation.put("seed", 7);

        rejected(fixture, create("generation", config("multimodal_extractor_v1",
                        Map.of("generation_config", generation))),
                invalidAt("type_error", at("feature_extractor", "parameters", "generation_config",
                        "temperature")),
                invalidAt("extra_forbidden", at("feature_extractor", "parameters", "generation_config",
                        "seed")),
                invalidOnlyAt(at("feature_extractor", "parameters", "generation_config", "temperature"),
                        at("feature_extractor", "parameters", "generation_config", "seed")));
    }

    @Test
    void unknownParametersAreStillRejected() {
        rejected(fixture, create("unknown", config("text_extractor_v1", Map.of("chunk_overlap", 1, "overlap", 1))),
                invalidAt("extra_forbidden", at("feature_extractor", "parameters", "overlap")),
                invalidOnlyAt(at("feature_extractor", "parameters", "overlap")));
    }

    @Test
    void anApiKeyIsRejectedWithAMessageThatAsksForASecretReference() {
        rejected(fixture, create("byok", config("text_extractor_v1", Map.of("llm_api_key", "sk-proj-abc123"))),
                invalidOnlyAt(at("feature_extractor", "parameters", "llm_api_key")))
                .expectExceptionMessage(containsString("{{SECRET.openai_api_key}}"));
    }

    private static CollectionConfig config(String extractorId, Map<String, Object> parameters) {
        return switch (extractorId) {
            case "text_extractor_v1" -> fromBuckets(extractor("text_extractor", "v1", Map.of("text", "content"),
                    parameters), ARTICLES);
            case "image_extractor_v1", "image_extractor_v2" -> fromBuckets(extractor("image_extractor",
                    extractorId.substring(extractorId.length() - 2), Map.of("image", "product_image"), parameters),
                    PRODUCTS);
            case "multimodal_extractor_v1" -> fromBuckets(extractor("multimodal_extractor", "v1",
                    Map.of("video", "video"), parameters), VIDEOS);
            case "scene_extractor_v1" -> new CollectionConfig(null, SourceConfig.collection(VIDEO_FRAMES),
                    extractor("scene_extractor", "v1", Map.of("embedding", "multimodal_extractor_v1_embedding"),
                            parameters), null, null, null);
            default -> throw new IllegalArgumentException(extractorId);
        };
    }
}
