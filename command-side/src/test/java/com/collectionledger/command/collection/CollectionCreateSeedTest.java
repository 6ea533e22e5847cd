package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.command.support.Captured;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The three collections of the seed document, created against the seed's namespace and buckets. */
class CollectionCreateSeedTest {

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    @Test
    void articleEmbeddingsGetsTheSeedsInputAndOutputSchemas() {
        fixture.givenNoPriorActivity()
                .when(createArticleEmbeddings())
                .expectSuccessfulHandlerExecution()
                .expectEvents(articleEmbeddingsCreated())
                .expectResultMessagePayload(ARTICLE_EMBEDDINGS);
    }

    @Test
    void videoFramesFromASingleBucketGetsTheSeedsSchemasAndNoSourceBucketSchemas() {
        fixture.givenNoPriorActivity()
                .when(createVideoFrames())
                .expectSuccessfulHandlerExecution()
                .expectEvents(videoFramesCreated());
    }

    @Test
    void detectedScenesSourcedFromACollectionReadsThatCollectionsOutputSchema() {
        directory.record(videoFramesCreated());

        fixture.givenNoPriorActivity()
                .when(createDetectedScenes())
                .expectSuccessfulHandlerExecution()
                .expectEvents(detectedScenesCreated());
    }

    @Test
    void seedSchemasKeepTheFieldOrderOfTheSeed() {
        directory.record(videoFramesCreated());
        Captured<CollectionCreated> created = Captured.event(CollectionCreated.class);

        fixture.givenNoPriorActivity()
                .when(createDetectedScenes())
                .expectEventsMatching(created.onlyEvent());

        assertThat(List.copyOf(created.value().schemas().inputSchema().properties().keySet()))
                .containsExactly("campaign_id", "multimodal_extractor_v1_embedding");
        assertThat(List.copyOf(created.value().schemas().outputSchema().properties().keySet()))
                .containsExactly("campaign_id", "scene_extractor_v1_embedding");
    }

    @Test
    void collectionCreatedCarriesIdNamespaceNameConfigSchemasAndTime() {
        Captured<CollectionCreated> created = Captured.event(CollectionCreated.class);

        fixture.givenNoPriorActivity()
                .when(createArticleEmbeddings())
                .expectEventsMatching(created.onlyEvent());

        CollectionCreated event = created.value();
        assertThat(event.collectionId()).isEqualTo(ARTICLE_EMBEDDINGS);
        assertThat(event.namespaceId()).isEqualTo(NS);
        assertThat(event.collectionName()).isEqualTo("article_embeddings");
        assertThat(event.config()).isEqualTo(articleEmbeddingsConfig());
        assertThat(event.config().enabled()).isTrue();
        assertThat(event.schemas().inputSchema()).isEqualTo(schema("title", "string", "content", "text"));
        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("title", "string", "text_extractor_v1_embedding", "array"));
        assertThat(event.createdAt()).isEqualTo(NOW);
        assertThat(created.message().getIdentifier()).isNotBlank();
    }
}
