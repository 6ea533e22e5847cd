package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.error.Violation;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import com.collectionledger.command.support.Seed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.NS;
import static com.collectionledger.command.support.Seed.OTHER_NS;
import static org.assertj.core.api.Assertions.assertThat;

/** The extractor a configuration names must be in the catalog and enabled for the collection's namespace. */
class ExtractorChoiceTest {

    private final ExtractorChoice choice = new ExtractorChoice(Seed.directory(), ExtractorCatalog.builtIn());
    private final List<Violation> violations = new ArrayList<>();

    private static FeatureExtractorConfig named(String name, String version) {
        return Seed.extractor(name, version, Map.of(), null);
    }

    @Test
    void anExtractorOfTheCatalogEnabledForTheNamespaceIsFound() {
        assertThat(choice.find(NS, named("scene_extractor", "v1"), violations))
                .map(ExtractorDefinition::id).contains("scene_extractor_v1");
        assertThat(violations).isEmpty();
    }

    @Test
    void nameAndVersionAreRequired() {
        assertThat(choice.find(NS, named(" ", "v1"), violations)).isEmpty();
        assertThat(choice.find(NS, named("text_extractor", null), violations)).isEmpty();

        assertThat(violations).extracting(Violation::location).containsExactly(
                List.of("feature_extractor", "feature_extractor_name"), List.of("feature_extractor", "version"));
        assertThat(violations).extracting(Violation::type).containsOnly("missing");
    }

    @Test
    void anExtractorOutsideTheCatalogIsNotFound() {
        assertThat(choice.find(NS, named("text_extractor", "v9"), violations)).isEmpty();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "feature_extractor_name");
            assertThat(v.type()).isEqualTo("not_found");
            assertThat(v.message()).isEqualTo("feature extractor 'text_extractor_v9' is not in the catalog");
        });
    }

    @Test
    void anExtractorTheNamespaceDidNotEnableIsRejected() {
        assertThat(choice.find(OTHER_NS, named("scene_extractor", "v1"), violations)).isEmpty();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "feature_extractor_name");
            assertThat(v.message()).isEqualTo("feature extractor 'scene_extractor_v1' is not enabled for this namespace");
        });
    }
}
