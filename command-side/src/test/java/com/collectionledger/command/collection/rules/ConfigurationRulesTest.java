package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionSchedule;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.Violation;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The whole configuration: every family's violations at once, or the schemas it derives. */
class ConfigurationRulesTest {

    private final ConfigurationRules rules = new ConfigurationRules(directory(), ExtractorCatalog.builtIn());

    @Test
    void aValidConfigurationDerivesItsInputOutputAndLineage() {
        CollectionSchemas schemas = rules.validate(ARTICLE_EMBEDDINGS, NS, articleEmbeddingsConfig(), null);

        assertThat(schemas).isEqualTo(articleEmbeddingsSchemas());
    }

    @Test
    void theViolationsOfEveryFamilyAreReportedTogether() {
        CollectionConfig config = new CollectionConfig("d".repeat(2_001), null, null, null, null, null,
                new CollectionSchedule("weekly", Map.of(), null));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> rules.validate(NEW_ID, NS, config, null));

        assertThat(e.error().violations()).extracting(Violation::location).containsExactly(List.of("description"),
                List.of("schedule", "trigger_type"), List.of("source"), List.of("feature_extractor"));
    }

    @Test
    void theExtractorIsCheckedAgainstTheInputOnlyOnceTheSourceGaveOne() {
        CollectionConfig config = new CollectionConfig(null, SourceConfig.buckets(List.of("bkt_missing0001")),
                extractor("text_extractor", "v1", Map.of("text", "nowhere"), Map.of("chunk", 1)), null, null, null);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> rules.validate(NEW_ID, NS, config, null));

        assertThat(e.error().violations()).extracting(Violation::location)
                .containsExactly(List.of("source", "bucket_ids", "0"));
    }
}
