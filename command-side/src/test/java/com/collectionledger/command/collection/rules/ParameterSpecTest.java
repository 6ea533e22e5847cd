package com.collectionledger.command.collection.rules;

import com.collectionledger.command.catalog.ExtractorCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ParameterSpec against the parameter specs of the built-in catalog. */
class ParameterSpecTest {

    private static final ExtractorCatalog CATALOG = ExtractorCatalog.builtIn();

    private static ParameterSpec spec(String extractorId, String parameter) {
        return ParameterSpec.of(CATALOG.find(extractorId).orElseThrow().parameters().get(parameter));
    }

    private static final ParameterSpec CHUNK_SIZE = spec("text_extractor_v1", "chunk_size"); // integer 1..100000
    private static final ParameterSpec SPLIT_BY = spec("text_extractor_v1", "split_by");     // string enum
    private static final ParameterSpec MODEL = spec("text_extractor_v1", "model");           // string
    private static final ParameterSpec FPS = spec("multimodal_extractor_v1", "fps");         // number 0.01..60
    private static final ParameterSpec THRESHOLD = spec("scene_extractor_v1", "threshold");  // number 0..1
    private static final ParameterSpec EXTRACTOR_TYPE = spec("text_extractor_v1", "extractor_type"); // const
    private static final ParameterSpec RESPONSE_SHAPE = spec("text_extractor_v1", "response_shape"); // string|object|null
    private static final ParameterSpec INTERVAL = spec("multimodal_extractor_v1", "time_split_interval"); // integer|null
    private static final ParameterSpec API_KEY = spec("text_extractor_v1", "llm_api_key");   // secret reference|null
    private static final ParameterSpec LANGUAGE = spec("text_extractor_v1", "language");     // any string

    private static String problem(ParameterSpec spec, Object value) {
        return spec.problem(value);
    }

    @Test
    void integerParameterAcceptsEveryJsonIntegerRepresentation() {
        assertThat(problem(CHUNK_SIZE, 500)).isNull();
        assertThat(problem(CHUNK_SIZE, 500L)).isNull();
        assertThat(problem(CHUNK_SIZE, BigInteger.valueOf(500))).isNull();
        assertThat(problem(CHUNK_SIZE, new BigDecimal("500"))).isNull();
        assertThat(problem(CHUNK_SIZE, 500.0)).isNull();
    }

    @Test
    void integerParameterRejectsAFraction() {
        assertThat(problem(CHUNK_SIZE, 10.5)).isEqualTo("must be an integer");
        assertThat(problem(CHUNK_SIZE, new BigDecimal("10.25"))).isEqualTo("must be an integer");
    }

    @Test
    void numericParameterRejectsNonNumbers() {
        assertThat(problem(CHUNK_SIZE, "500")).isEqualTo("must be a number");
        assertThat(problem(CHUNK_SIZE, true)).isEqualTo("must be a number");
        assertThat(problem(FPS, List.of(1))).isEqualTo("must be a number");
        assertThat(problem(FPS, Double.NaN)).isEqualTo("must be a number");
        assertThat(problem(FPS, Double.POSITIVE_INFINITY)).isEqualTo("must be a number");
    }

    @Test
    void minimumAndMaximumAreInclusive() {
        assertThat(problem(CHUNK_SIZE, 1)).isNull();
        assertThat(problem(CHUNK_SIZE, 100_000)).isNull();
        assertThat(problem(CHUNK_SIZE, 0)).isEqualTo("must be at least 1");
        assertThat(problem(CHUNK_SIZE, 100_001)).isEqualTo("must be at most 100000");
    }

    @Test
    void fractionalBoundsAreComparedExactly() {
        assertThat(problem(FPS, 0.01)).isNull();
        assertThat(problem(FPS, 60)).isNull();
        assertThat(problem(FPS, 0.009)).isEqualTo("must be at least 0.01");
        assertThat(problem(FPS, 60.0001)).isEqualTo("must be at most 60");
        assertThat(problem(THRESHOLD, 0)).isNull();
        assertThat(problem(THRESHOLD, 1.0)).isNull();
        assertThat(problem(THRESHOLD, -0.1)).isEqualTo("must be at least 0");
    }

    @Test
    void enumStringParameterAcceptsOnlyItsValues() {
        assertThat(problem(SPLIT_BY, "words")).isNull();
        assertThat(problem(SPLIT_BY, "none")).isNull();
        assertThat(problem(SPLIT_BY, "Words")).startsWith("must be one of");
        assertThat(problem(SPLIT_BY, 3)).isEqualTo("must be a string");
    }

    @Test
    void freeStringParameterMustBeANonEmptyString() {
        assertThat(problem(MODEL, "clip-vit-base-patch32")).isNull();
        assertThat(problem(MODEL, "")).isEqualTo("must not be empty");
        assertThat(problem(MODEL, 42)).isEqualTo("must be a string");
    }

    @Test
    void nullIsNeverAParameterValue() {
        assertThat(problem(MODEL, null)).isEqualTo("must not be null");
        assertThat(problem(FPS, null)).isEqualTo("must not be null");
    }

    @Test
    void booleanParameterAcceptsOnlyBooleans() {
        ParameterSpec flag = ParameterSpec.of(Map.of("type", "boolean"));

        assertThat(problem(flag, true)).isNull();
        assertThat(problem(flag, "true")).isEqualTo("must be a boolean");
    }

    @Test
    void constStringParameterAcceptsOnlyItsValue() {
        assertThat(problem(EXTRACTOR_TYPE, "text_extractor")).isNull();
        assertThat(problem(EXTRACTOR_TYPE, "image_extractor")).isEqualTo("must be 'text_extractor'");
    }

    @Test
    void aListOfTypesAcceptsAValueOfAnyOfThemAndNullOnlyWhenListed() {
        assertThat(problem(RESPONSE_SHAPE, "names and colors")).isNull();
        assertThat(problem(RESPONSE_SHAPE, Map.of("type", "object"))).isNull();
        assertThat(problem(RESPONSE_SHAPE, null)).isNull();
        assertThat(problem(RESPONSE_SHAPE, 42)).isEqualTo("must be a string or an object");
        assertThat(problem(INTERVAL, null)).isNull();
        assertThat(problem(INTERVAL, 2.5)).isEqualTo("must be an integer");
    }

    @Test
    void patternParameterSaysWhatItExpects() {
        assertThat(problem(API_KEY, "{{SECRET.openai_api_key}}")).isNull();
        assertThat(problem(API_KEY, "sk-proj-abc123")).startsWith("must be a secret reference such as");
    }

    @Test
    void stringWithoutMinLengthMayBeEmpty() {
        assertThat(problem(LANGUAGE, "")).isNull();
    }
}
