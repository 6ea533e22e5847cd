package com.collectionledger.command.collection.rules;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.object;
import static com.collectionledger.command.support.Seed.schema;
import static org.assertj.core.api.Assertions.assertThat;

/** Input mappings: from an extractor input to an input schema field of a type that input accepts. */
class ExtractorInputsTest {

    private static final ExtractorCatalog CATALOG = ExtractorCatalog.builtIn();
    private static final ExtractorDefinition TEXT = CATALOG.find("text_extractor_v1").orElseThrow();
    private static final ExtractorDefinition MULTIMODAL = CATALOG.find("multimodal_extractor_v1").orElseThrow();
    private static final ObjectSchema ARTICLES = schema("title", "string", "content", "text", "views", "integer");

    private final List<Violation> violations = new ArrayList<>();

    private List<List<String>> locations() {
        return violations.stream().map(Violation::location).toList();
    }

    @Test
    void aRequiredInputMappedToAFieldOfAnAcceptedTypeIsValid() {
        ExtractorInputs.check(TEXT, Map.of("text", "content"), ARTICLES, violations);
        ExtractorInputs.check(TEXT, Map.of("text", "title"), ARTICLES, violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void aMappingMayNameANestedFieldByItsDottedPath() {
        ObjectSchema nested = new ObjectSchema(Map.of("meta", object("summary", "text")));

        ExtractorInputs.check(TEXT, Map.of("text", "meta.summary"), nested, violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void eachWrongMappingIsReportedAtItsInput() {
        ExtractorInputs.check(MULTIMODAL, Map.of("video", "content", "image", "nowhere", "smell", "title"), ARTICLES,
                violations);

        assertThat(locations()).containsExactlyInAnyOrder(
                List.of("feature_extractor", "input_mappings", "video"),
                List.of("feature_extractor", "input_mappings", "image"),
                List.of("feature_extractor", "input_mappings", "smell"));
        assertThat(violations).extracting(Violation::type).containsExactlyInAnyOrder("type_error", "value_error",
                "value_error");
    }

    @Test
    void anUnmappedRequiredInputIsMissingAtItsName() {
        ExtractorInputs.check(TEXT, Map.of(), ARTICLES, violations);

        assertThat(locations()).containsExactly(List.of("feature_extractor", "input_mappings", "text"),
                List.of("feature_extractor", "input_mappings"));
        assertThat(violations).extracting(Violation::type).containsOnly("missing");
    }

    @Test
    void anExtractorWithOnlyOptionalInputsNeedsItsMinimumMapped() {
        ExtractorInputs.check(MULTIMODAL, Map.of(), ARTICLES, violations);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "input_mappings");
            assertThat(v.message()).startsWith("multimodal_extractor_v1 needs at least 1 of its inputs");
        });
    }
}
