package com.collectionledger.command.catalog;

import com.collectionledger.api.error.Violation;
import com.collectionledger.command.collection.rules.ExtractorParameters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in extractor catalog, kept as data in catalog/feature-extractors.json, not as code. */
class ExtractorCatalogTest {

    private final ExtractorCatalog catalog = ExtractorCatalog.builtIn();

    @Test
    void builtInCatalogHoldsTheFiveExtractorsOfTheSpec() {
        assertThat(catalog.all()).extracting(ExtractorDefinition::id).containsExactly("text_extractor_v1",
                "image_extractor_v1", "image_extractor_v2", "multimodal_extractor_v1", "scene_extractor_v1");
    }

    @Test
    void eachExtractorHasOneOutputNamedEmbeddingOfTypeArray() {
        catalog.all().forEach(d -> {
            assertThat(d.outputs()).as(d.id()).containsExactly("embedding");
            assertThat(at(d.document(), "output_schema", "properties", "embedding", "type")).isEqualTo("array");
            assertThat(d.document().get("feature_extractor_id")).isEqualTo(d.id());
        });
    }

    @Test
    void textExtractorNeedsTextOrStringAndHasModelChunkSizeSplitBy() {
        ExtractorDefinition text = catalog.find("text_extractor", "v1").orElseThrow();

        assertThat(text.inputs().get("text").acceptedTypes()).containsExactlyInAnyOrder("text", "string");
        assertThat(text.requiredInputs()).containsExactly("text");
        assertThat(text.parameters()).containsKeys("model", "chunk_size", "split_by");
    }

    @Test
    void multimodalExtractorHasFourOptionalInputsAndNeedsOne() {
        ExtractorDefinition multimodal = catalog.find("multimodal_extractor_v1").orElseThrow();

        assertThat(multimodal.inputs()).containsOnlyKeys("video", "image", "text", "audio");
        assertThat(multimodal.requiredInputs()).isEmpty();
        assertThat(multimodal.minimumInputs()).isEqualTo(1);
        assertThat(multimodal.parameters()).containsKeys("fps", "model");
    }

    @Test
    void imageAndSceneExtractorsTakeOneInputEach() {
        assertThat(catalog.find("image_extractor_v2").orElseThrow().inputs().get("image").acceptedTypes())
                .containsExactly("image");
        assertThat(catalog.find("scene_extractor_v1").orElseThrow().inputs().get("embedding").acceptedTypes())
                .containsExactly("array");
        assertThat(catalog.find("scene_extractor_v1").orElseThrow().parameters())
                .containsOnlyKeys("extractor_type", "threshold");
    }

    @Test
    void everyExtractorTakesItsOwnNameAsTheExtractorTypeDiscriminator() {
        catalog.all().forEach(d -> assertThat(d.parameters().get("extractor_type").get("const"))
                .as(d.id()).isEqualTo(d.name()));
    }

    @Test
    void defaultParametersAreEachParametersDefaultAndFitTheParameterSchema() {
        catalog.all().forEach(d -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> defaults = (Map<String, Object>) d.document().get("default_parameters");
            d.parameters().forEach((name, spec) -> {
                if (spec.containsKey("default")) {
                    assertThat(defaults.get(name)).as(d.id() + " " + name).isEqualTo(spec.get("default"));
                }
            });
            List<Violation> violations = new ArrayList<>();
            ExtractorParameters.check(d, defaults, violations, "default_parameters");
            assertThat(violations).as(d.id()).isEmpty();
        });
    }

    @Test
    void unknownExtractorIsNotFound() {
        assertThat(catalog.find("text_extractor", "v2")).isEmpty();
        assertThat(catalog.find("ocr_extractor_v1")).isEmpty();
    }

    /** The value at a path of nested objects. */
    private static Object at(Map<String, Object> document, String... path) {
        Object value = document;
        for (String step : path) {
            value = ((Map<?, ?>) value).get(step);
        }
        return value;
    }
}
