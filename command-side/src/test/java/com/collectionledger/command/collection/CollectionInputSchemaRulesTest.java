package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.Captured;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A client-given input_schema must be a subset of the derived one, with the same types. */
class CollectionInputSchemaRulesTest {

    private static final FeatureExtractorConfig TEXT_ONLY =
            extractor("text_extractor", "v1", Map.of("text", "content"), null);

    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, Seed.directory());

    private static CreateCollectionCommand createWithInput(FeatureExtractorConfig extractor, ObjectSchema input) {
        CollectionConfig config = fromBuckets(extractor, ARTICLES);
        return new CreateCollectionCommand(NEW_ID, NS, "narrowed", config, input);
    }

    @Test
    void clientInputSchemaThatIsASubsetNarrowsTheInputSchema() {
        CollectionCreated event = onlyEvent(fixture, createWithInput(TEXT_ONLY, schema("content", "text")),
                CollectionCreated.class);

        assertThat(event.schemas().inputSchema()).isEqualTo(schema("content", "text"));
        assertThat(event.schemas().outputSchema()).isEqualTo(schema("text_extractor_v1_embedding", "array"));
    }

    @Test
    void clientInputSchemaNarrowingAlsoNarrowsIncludeAllSourceFields() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), null, true);
        Captured<CollectionCreated> created = Captured.event(CollectionCreated.class);

        fixture.givenNoPriorActivity()
                .when(createWithInput(includeAll, schema("content", "text")))
                .expectEventsMatching(created.onlyEvent());

        assertThat(created.value().schemas().outputSchema())
                .isEqualTo(schema("content", "text", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void emptyClientInputSchemaMeansTheDerivedOne() {
        Captured<CollectionCreated> created = Captured.event(CollectionCreated.class);

        fixture.givenNoPriorActivity()
                .when(createWithInput(TEXT_ONLY, ObjectSchema.empty()))
                .expectEventsMatching(created.onlyEvent());

        assertThat(created.value().schemas().inputSchema()).isEqualTo(ARTICLES_SCHEMA);
    }

    @Test
    void clientInputSchemaFieldThatTheSourceDoesNotHaveIsRejected() {
        rejected(fixture, createWithInput(TEXT_ONLY, schema("content", "text", "summary", "text")),
                invalidOnlyAt(at("input_schema", "properties", "summary")));
    }

    @Test
    void clientInputSchemaFieldWithADifferentTypeIsRejected() {
        rejected(fixture, createWithInput(TEXT_ONLY, schema("content", "string")),
                invalidAt("type_error", at("input_schema", "properties", "content")));
    }

    @Test
    void passthroughOfAFieldLeftOutOfTheClientInputSchemaIsRejected() {
        rejected(fixture, createWithInput(textOnContent(), schema("content", "text")),
                invalidOnlyAt(at("feature_extractor", "field_passthrough", "0", "source_path")));
    }
}
