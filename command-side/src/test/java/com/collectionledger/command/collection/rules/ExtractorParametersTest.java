package com.collectionledger.command.collection.rules;

import com.collectionledger.api.error.Violation;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An extractor's parameters against the specs of the built-in catalog, located where they were given. */
class ExtractorParametersTest {

    private static final ExtractorCatalog CATALOG = ExtractorCatalog.builtIn();
    private static final ExtractorDefinition TEXT = CATALOG.find("text_extractor_v1").orElseThrow();
    private static final ExtractorDefinition MULTIMODAL = CATALOG.find("multimodal_extractor_v1").orElseThrow();

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void noParametersAndParametersThatFitTheirSpecsAreValid() {
        ExtractorParameters.check(TEXT, null, violations, "feature_extractor", "parameters");
        ExtractorParameters.check(TEXT, Map.of("chunk_size", 500, "split_by", "words"), violations,
                "feature_extractor", "parameters");

        assertThat(violations).isEmpty();
    }

    @Test
    void anUnknownParameterIsForbiddenAndTheMessageListsTheKnownOnes() {
        ExtractorParameters.check(TEXT, Map.of("chunk", 5), violations, "feature_extractor", "parameters");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "parameters", "chunk");
            assertThat(v.type()).isEqualTo("extra_forbidden");
            assertThat(v.message()).startsWith("'chunk' is not a parameter of text_extractor_v1; parameters are "
                    + "[extractor_type, model, chunk_size,");
        });
    }

    @Test
    void aValueOutsideItsSpecIsATypeErrorSayingWhatItMustBe() {
        ExtractorParameters.check(TEXT, Map.of("chunk_size", 0), violations, "feature_extractor", "parameters");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "parameters", "chunk_size");
            assertThat(v.type()).isEqualTo("type_error");
            assertThat(v.message()).isEqualTo("parameter 'chunk_size' must be at least 1");
        });
    }

    @Test
    void theFieldsOfAnObjectParameterAreCheckedAgainstTheSpecsOfItsFields() {
        ExtractorParameters.check(MULTIMODAL, Map.of("generation_config", Map.of("temperature", "hot")), violations,
                "feature_extractors", "0", "params");
        ExtractorParameters.check(MULTIMODAL, Map.of("generation_config", Map.of("seed", 1)), violations,
                "feature_extractors", "0", "params");

        assertThat(violations).extracting(Violation::location).containsExactly(
                List.of("feature_extractors", "0", "params", "generation_config", "temperature"),
                List.of("feature_extractors", "0", "params", "generation_config", "seed"));
        assertThat(violations.get(0).message()).isEqualTo("parameter 'generation_config.temperature' must be a number");
        assertThat(violations.get(1).message()).startsWith("'generation_config.seed' is not a parameter of "
                + "multimodal_extractor_v1; the fields of 'generation_config' are [candidate_count,");
    }

    @Test
    void anObjectParameterWhoseSpecListsNoFieldsTakesAnyFields() {
        ExtractorParameters.check(TEXT, Map.of("response_shape", Map.of("anything", List.of(1, 2))), violations,
                "feature_extractor", "parameters");

        assertThat(violations).isEmpty();
    }
}
