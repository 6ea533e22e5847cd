package com.collectionledger.command.collection;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.command.support.Captured;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone goes to the SOURCE aggregate, which validates the merged configuration like a create and
 * spawns the clone as a new aggregate whose first event is CollectionCloned.
 */
class CollectionCloneTest {

    private static final String CLONE_ID = "col_clone00001";

    private final InMemoryDirectory directory = Seed.directory().record(articleEmbeddingsCreated());
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private static CloneCollectionCommand cloneArticles(String name, CollectionOverrides overrides) {
        return new CloneCollectionCommand(ARTICLE_EMBEDDINGS, NS, NEW_ID, name, overrides);
    }

    private static CollectionOverrides overrides(String description, SourceConfig source,
                                                 FeatureExtractorConfig extractor) {
        return new CollectionOverrides(description, source, extractor, null, null, null);
    }

    private CollectionCloned clonedFromArticles(CloneCollectionCommand command) {
        return onlyEvent(fixture.given(articleEmbeddingsCreated()), command, CollectionCloned.class);
    }

    // ---- the event -------------------------------------------------------------------------------

    @Test
    void cloneEmitsCollectionClonedForTheNewIdAndAnswersTheClonesOutcome() {
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(articleEmbeddingsCreated())
                .when(cloneArticles("article_embeddings_backup", null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(cloned.onlyEvent())
                .expectResultMessagePayload(new CommandOutcome(NEW_ID, 0));

        assertThat(cloned.value().collectionId()).isEqualTo(NEW_ID);
        assertThat(cloned.value().sourceCollectionId()).isEqualTo(ARTICLE_EMBEDDINGS);
    }

    /**
     * The fixture spawns createNew aggregates without an event stream of their own, so here the
     * clone goes through a real event-sourcing repository to show it opens a new stream.
     */
    @Test
    void cloneIsTheFirstEventOfANewAggregateStreamAndLeavesTheSourceUnchanged() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            EventSourcingRepository<Collection> clones = EventSourcingRepository.builder(Collection.class)
                    .eventStore(store).build();
            fixture.registerRepositoryProvider(new RepositoryProvider() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Repository<T> repositoryFor(Class<T> type) {
                    return (Repository<T>) clones;
                }
            });

            fixture.given(articleEmbeddingsCreated())
                    .when(cloneArticles("article_embeddings_backup", null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new CommandOutcome(NEW_ID, 0));

            List<? extends DomainEventMessage<?>> stream = store.readEvents(NEW_ID).asStream().toList();
            assertThat(stream).hasSize(1);
            assertThat(stream.get(0).getAggregateIdentifier()).isEqualTo(NEW_ID);
            assertThat(stream.get(0).getSequenceNumber()).isZero();
            assertThat(stream.get(0).getType()).isEqualTo("Collection");
            assertThat(stream.get(0).getPayload()).isInstanceOf(CollectionCloned.class);
            assertThat(store.readEvents(ARTICLE_EMBEDDINGS).asStream().count()).isZero();
        } finally {
            store.shutDown();
        }
    }

    @Test
    void collectionClonedCarriesSourceVersionRootGenerationNamespaceNameConfigOverridesSchemasAndTime() {
        CollectionCloned event = clonedFromArticles(cloneArticles("article_embeddings_backup", null));

        assertThat(event).isEqualTo(new CollectionCloned(NEW_ID, ARTICLE_EMBEDDINGS, "article_embeddings", 0,
                ARTICLE_EMBEDDINGS, 1, NS, "article_embeddings_backup", articleEmbeddingsConfig(), List.of(),
                articleEmbeddingsSchemas(), NOW, List.of(ARTICLE_EMBEDDINGS)));
    }

    @Test
    void cloneWithOnlyANameIsAnExactCopyOfTheSourcesConfigurationAndSchemas() {
        CollectionCloned event = clonedFromArticles(cloneArticles("article_embeddings_backup", null));

        assertThat(event.config()).isEqualTo(articleEmbeddingsConfig());
        assertThat(event.config().description()).isEqualTo(ARTICLE_EMBEDDINGS_DESCRIPTION);
        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("title", "string", "text_extractor_v1_embedding", "array"));
        assertThat(event.overriddenFields()).isEmpty();
    }

    @Test
    void cloneEventCarriesTheAuditMetadataOfTheCloneCommand() {
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(
                new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_KEY_ID, AuditMetadata.REQUEST_ID))));
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(articleEmbeddingsCreated())
                .when(cloneArticles("article_embeddings_backup", null),
                        Map.of(AuditMetadata.ACTOR_KEY_ID, "key_1", AuditMetadata.REQUEST_ID, "req-42"))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.message().getMetaData())
                .containsEntry(AuditMetadata.ACTOR_KEY_ID, "key_1")
                .containsEntry(AuditMetadata.REQUEST_ID, "req-42");
    }

    // ---- overrides -------------------------------------------------------------------------------

    @Test
    void cloneKeepsSourceExtractorWhenNotOverridden() {
        CollectionCloned event = clonedFromArticles(cloneArticles("described_copy",
                overrides("A new description", null, null)));

        assertThat(event.config().featureExtractor()).isEqualTo(textOnContent());
        assertThat(event.config().source()).isEqualTo(SourceConfig.buckets(List.of(ARTICLES)));
        assertThat(event.config().description()).isEqualTo("A new description");
        assertThat(event.overriddenFields()).containsExactly("description");
    }

    @Test
    void cloneWithSeedsExtractorAndSourceOverridesDerivesSchemasFromTheMergedConfiguration() {
        FeatureExtractorConfig extractor = new FeatureExtractorConfig("text_extractor", "v1",
                Map.of("model", "text-embedding-3-small"), Map.of("text", "content"),
                List.of(new FieldPassthrough("title", null, null, true), pass("author")), null);

        CollectionCloned event = clonedFromArticles(cloneArticles("article_embeddings_v2", overrides(
                "Cloned from article_embeddings with a new model and an author passthrough",
                SourceConfig.buckets(List.of(AUTHORED)), extractor)));

        assertThat(event.sourceCollectionId()).isEqualTo(ARTICLE_EMBEDDINGS);
        assertThat(event.schemas().inputSchema())
                .isEqualTo(schema("title", "string", "content", "text", "author", "string"));
        assertThat(event.schemas().outputSchema()).isEqualTo(schema("title", "string", "author", "string",
                "text_extractor_v1_embedding", "array"));
        assertThat(event.overriddenFields()).containsExactly("description", "source", "feature_extractor");
        assertThat(event.config().featureExtractor()).isEqualTo(extractor);
    }

    @Test
    void extractorOverrideReplacesTheWholeExtractorWithoutDeepMerge() {
        CollectionConfig rich = new CollectionConfig("rich", SourceConfig.buckets(List.of(ARTICLES)),
                extractor("text_extractor", "v1", Map.of("text", "content"),
                        Map.of("model", "m1", "chunk_size", 100), pass("title")),
                null, null, null);
        CollectionCreated source = new CollectionCreated(ARTICLE_EMBEDDINGS, NS, "article_embeddings", rich,
                articleEmbeddingsSchemas(), NOW);
        FeatureExtractorConfig bare = extractor("text_extractor", "v1", Map.of("text", "content"), null);
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(source)
                .when(cloneArticles("bare_copy", overrides(null, null, bare)))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().config().featureExtractor()).isEqualTo(bare);
        assertThat(cloned.value().config().featureExtractor().parameters()).isNull();
        assertThat(cloned.value().schemas().outputSchema()).isEqualTo(schema("text_extractor_v1_embedding", "array"));
    }

    @Test
    void metadataOverrideReplacesTheWholeMapAndOmittedPartsAreCopied() {
        TaxonomyApplication taxonomy = new TaxonomyApplication("tax_1", null, null, null, null);
        CollectionConfig full = new CollectionConfig("full", SourceConfig.buckets(List.of(ARTICLES)),
                textOnContent(), false, Map.of("team", "news", "tier", 1), List.of(taxonomy));
        CollectionCreated source = new CollectionCreated(ARTICLE_EMBEDDINGS, NS, "article_embeddings", full,
                articleEmbeddingsSchemas(), NOW);
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(source)
                .when(cloneArticles("meta_copy",
                        new CollectionOverrides(null, null, null, null, Map.of("owner", "ana"), null)))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().config()).isEqualTo(new CollectionConfig("full",
                SourceConfig.buckets(List.of(ARTICLES)), textOnContent(), false, Map.of("owner", "ana"),
                List.of(taxonomy)));
        assertThat(cloned.value().overriddenFields()).containsExactly("metadata");
    }

    @Test
    void enabledAndTaxonomyOverridesReplaceTheSourcesValues() {
        TaxonomyApplication taxonomy = new TaxonomyApplication("tax_2", "on_demand", null, 2, 10);

        CollectionCloned event = clonedFromArticles(cloneArticles("disabled_copy",
                new CollectionOverrides(null, null, null, false, null, List.of(taxonomy))));

        assertThat(event.config().enabled()).isFalse();
        assertThat(event.config().taxonomyApplications()).containsExactly(taxonomy);
        assertThat(event.overriddenFields()).containsExactly("enabled", "taxonomy_applications");
    }

    @Test
    void emptyMetadataOverrideClearsTheSourcesMetadata() {
        CollectionConfig withMetadata = new CollectionConfig(null, SourceConfig.buckets(List.of(ARTICLES)),
                textOnContent(), null, Map.of("team", "news"), null);
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(new CollectionCreated(ARTICLE_EMBEDDINGS, NS, "article_embeddings", withMetadata,
                        articleEmbeddingsSchemas(), NOW))
                .when(cloneArticles("no_meta", new CollectionOverrides(null, null, null, null, Map.of(), null)))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().config().metadata()).isEmpty();
    }

    @Test
    void cloneMayReadFromTheCollectionItClones() {
        directory.record(videoFramesCreated());
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(videoFramesCreated())
                .when(new CloneCollectionCommand(VIDEO_FRAMES, NS, NEW_ID, "frames_scenes", overrides(null,
                        SourceConfig.collection(VIDEO_FRAMES), detectedScenesConfig().featureExtractor())))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().schemas()).isEqualTo(detectedScenesSchemas());
    }

    /**
     * A clone "with just a new name is an exact copy" (seed). A source created with a client-given
     * input_schema must not widen its clone's input (and include_all output) to the whole bucket.
     */
    @Test
    void cloneWithoutOverridesKeepsTheSourcesNarrowedInputSchema() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), null, true);
        CreateCollectionCommand narrowed = new CreateCollectionCommand(ARTICLE_EMBEDDINGS, NS, "content_only",
                fromBuckets(includeAll, ARTICLES), schema("content", "text"));

        CollectionCloned event = onlyEvent(fixture.givenCommands(narrowed),
                cloneArticles("content_only_copy", null),
                CollectionCloned.class);

        assertThat(event.schemas().inputSchema()).isEqualTo(schema("content", "text"));
        assertThat(event.schemas().outputSchema())
                .isEqualTo(schema("content", "text", "text_extractor_v1_embedding", "array"));
    }

    // ---- the merged configuration is validated like a create ------------------------------------

    @Test
    void cloneMergedConfigIsValidatedLikeCreate() {
        directory.record(videoFramesCreated());

        rejected(fixture.given(videoFramesCreated()),
                new CloneCollectionCommand(VIDEO_FRAMES, NS, NEW_ID, "video_frames_text", overrides(null, null,
                        extractor("text_extractor", "v1", Map.of("text", "transcript"), null))),
                invalidOnlyAt(at("feature_extractor", "input_mappings", "text")));
    }

    @Test
    void cloneWithASourceOverrideTheSourcesExtractorCannotReadIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("from_videos", overrides(null, SourceConfig.buckets(List.of(VIDEOS)), null)),
                invalidOnlyAt(
                        at("feature_extractor", "input_mappings", "text"),
                        at("feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void cloneCannotUseAnExtractorTheNamespaceDidNotEnable() {
        directory.namespace(NS, NS_NAME, "text_extractor_v1");

        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("multimodal_copy", overrides(null, null,
                        extractor("multimodal_extractor", "v1", Map.of("text", "content"), null))),
                invalidOnlyAt(at("feature_extractor", "feature_extractor_name")));
    }

    @Test
    void cloneWithAnOverrideBucketOfAnotherNamespaceIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("foreign_copy", overrides(null, SourceConfig.buckets(List.of(FOREIGN_BUCKET)), null)),
                invalidOnlyAt(at("source", "bucket_ids", "0")));
    }

    @Test
    void cloneWithADescriptionOverrideLongerThan2000CharactersIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("long_copy", overrides("d".repeat(2_001), null, null)),
                invalidOnlyAt(at("description")));
    }

    @Test
    void cloneWithMetadataOverrideOver16KiBIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("heavy_copy", new CollectionOverrides(null, null, null, null,
                        Map.of("blob", "x".repeat(16 * 1024)), null)),
                invalidOnlyAt(at("metadata")));
    }

    // ---- names -----------------------------------------------------------------------------------

    @Test
    void cloneWithSourceNameIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("article_embeddings", null),
                kind(ErrorKind.ALREADY_EXISTS));
    }

    @Test
    void cloneWithANameTakenByAnotherLiveCollectionIsRejected() {
        directory.record(videoFramesCreated());

        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("video_frames", null),
                kind(ErrorKind.ALREADY_EXISTS),
                detail("name", "video_frames"));
    }

    @Test
    void cloneWithAnInvalidNameIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                cloneArticles("col_backup", null),
                invalidOnlyAt(at("collection_name")));
    }

    @Test
    void cloneMayTakeTheNameOfADeletedCollection() {
        directory.record(videoFramesCreated()).markDeleted(VIDEO_FRAMES);

        CollectionCloned event = clonedFromArticles(cloneArticles("video_frames", null));

        assertThat(event.collectionName()).isEqualTo("video_frames");
    }

    // ---- which source ----------------------------------------------------------------------------

    @Test
    void cloneOfADeletedCollectionIsNotFound() {
        rejected(fixture.given(articleEmbeddingsCreated(),
                        new CollectionDeleted(ARTICLE_EMBEDDINGS, NS, "article_embeddings", NOW)),
                cloneArticles("resurrected", null),
                kind(ErrorKind.NOT_FOUND));
    }

    @Test
    void cloneFromAnotherNamespaceIsNotFound() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                new CloneCollectionCommand(ARTICLE_EMBEDDINGS, OTHER_NS, NEW_ID, "stolen", null),
                kind(ErrorKind.NOT_FOUND),
                detail("identifier", ARTICLE_EMBEDDINGS));
    }

    @Test
    void aCloneRecordsItsSourceAndTheSourcesAncestryUpToTheBound() {
        List<String> deep = new java.util.ArrayList<>();
        for (int i = 0; i < CollectionCloned.ANCESTRY_DEPTH; i++) {
            deep.add(String.format("col_%028d", i));
        }
        CollectionCloned deepClone = new CollectionCloned(CLONE_ID, deep.get(0), "parent", 0, deep.get(deep.size() - 1),
                500, NS, "article_embeddings_backup", articleEmbeddingsConfig(), List.of(), articleEmbeddingsSchemas(),
                NOW, deep);
        directory.record(deepClone);

        CollectionCloned event = onlyEvent(fixture.given(deepClone),
                new CloneCollectionCommand(CLONE_ID, NS, NEW_ID, "deeper", null), CollectionCloned.class);

        assertThat(event.ancestry()).hasSize(CollectionCloned.ANCESTRY_DEPTH);
        assertThat(event.ancestry().get(0)).isEqualTo(CLONE_ID);
        assertThat(event.ancestry().subList(1, CollectionCloned.ANCESTRY_DEPTH))
                .isEqualTo(deep.subList(0, CollectionCloned.ANCESTRY_DEPTH - 1));
    }

    @Test
    void aCloneOfACollectionWhoseEventsDidNotRecordItsAncestryLeavesItsOwnUnknown() {
        CollectionCloned legacyClone = new CollectionCloned(CLONE_ID, ARTICLE_EMBEDDINGS, "article_embeddings", 0,
                ARTICLE_EMBEDDINGS, 1, NS, "article_embeddings_backup", articleEmbeddingsConfig(), List.of(),
                articleEmbeddingsSchemas(), NOW, null);
        directory.record(legacyClone);

        CollectionCloned event = onlyEvent(fixture.given(legacyClone),
                new CloneCollectionCommand(CLONE_ID, NS, NEW_ID, "backup_of_backup", null), CollectionCloned.class);

        assertThat(event.ancestry()).isNull();
        assertThat(event.generation()).isEqualTo(2);
    }

    @Test
    void cloneOfACloneHasGenerationTwoAndTheOriginalAsRoot() {
        CollectionCloned firstClone = new CollectionCloned(CLONE_ID, ARTICLE_EMBEDDINGS, "article_embeddings", 0,
                ARTICLE_EMBEDDINGS, 1, NS, "article_embeddings_backup", articleEmbeddingsConfig(), List.of(),
                articleEmbeddingsSchemas(), NOW, List.of(ARTICLE_EMBEDDINGS));
        directory.record(firstClone);

        CollectionCloned event = onlyEvent(fixture.given(firstClone),
                new CloneCollectionCommand(CLONE_ID, NS, NEW_ID, "backup_of_backup", null),
                CollectionCloned.class);

        assertThat(event.generation()).isEqualTo(2);
        assertThat(event.rootCollectionId()).isEqualTo(ARTICLE_EMBEDDINGS);
        assertThat(event.sourceCollectionId()).isEqualTo(CLONE_ID);
        assertThat(event.sourceCollectionName()).isEqualTo("article_embeddings_backup");
        assertThat(event.ancestry()).containsExactly(CLONE_ID, ARTICLE_EMBEDDINGS);
        assertThat(event.sourceVersion()).isZero();
    }

    @Test
    void cloneSourceVersionIsTheSourcesVersionAfterUpdates() {
        directory.rename(ARTICLE_EMBEDDINGS, "articles_renamed");
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(articleEmbeddingsCreated(),
                        new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("collection_name"), "articles_renamed",
                                ARTICLE_EMBEDDINGS_DESCRIPTION, true, Map.of(), List.of(), NOW),
                        new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("description"), "articles_renamed",
                                "Second description", true, Map.of(), List.of(), NOW))
                .when(cloneArticles("renamed_copy", null))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().sourceVersion()).isEqualTo(2);
        assertThat(cloned.value().sourceCollectionName()).isEqualTo("articles_renamed");
        assertThat(cloned.value().config().description()).isEqualTo("Second description");
        assertThat(cloned.value().config().featureExtractor()).isEqualTo(textOnContent());
        assertThat(cloned.value().config().source()).isEqualTo(SourceConfig.buckets(List.of(ARTICLES)));
    }

    @Test
    void cloneAtASourceVersionCopiesTheSourceAsItWasThen() {
        directory.rename(ARTICLE_EMBEDDINGS, "articles_renamed");
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(articleEmbeddingsCreated(),
                        new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("description", "metadata"),
                                "article_embeddings", "Yesterday's patch", false, Map.of("tier", "gold"), List.of(), NOW))
                .when(new CloneCollectionCommand(ARTICLE_EMBEDDINGS, NS, NEW_ID, "before_the_patch",
                        CollectionOverrides.none(), 0L))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().sourceVersion()).isZero();
        assertThat(cloned.value().config().description()).isEqualTo(ARTICLE_EMBEDDINGS_DESCRIPTION);
        assertThat(cloned.value().config().enabled()).isTrue();
        assertThat(cloned.value().config().metadata()).isEmpty();
        assertThat(cloned.value().schemas()).isEqualTo(articleEmbeddingsSchemas());
    }

    @Test
    void cloneAtAVersionTheSourceNeverHadIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                new CloneCollectionCommand(ARTICLE_EMBEDDINGS, NS, NEW_ID, "from_the_future",
                        CollectionOverrides.none(), 1L),
                invalidOnlyAt(at("source_version")));
    }

    @Test
    void cloneOfACollectionSourcedCollectionKeepsItsSourceAndLineage() {
        directory.record(videoFramesCreated()).record(detectedScenesCreated());
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(detectedScenesCreated())
                .when(new CloneCollectionCommand(DETECTED_SCENES, NS, NEW_ID, "detected_scenes_copy", null))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().config().source()).isEqualTo(SourceConfig.collection(VIDEO_FRAMES));
        assertThat(cloned.value().schemas()).isEqualTo(detectedScenesSchemas());
    }

    @Test
    void cloneOfACollectionWhoseSourceWasDeletedIsRejected() {
        directory.record(videoFramesCreated()).record(detectedScenesCreated()).markDeleted(VIDEO_FRAMES);

        rejected(fixture.given(detectedScenesCreated()),
                new CloneCollectionCommand(DETECTED_SCENES, NS, NEW_ID, "orphan_copy", null),
                invalidAt("not_found", at("source", "collection_id")));
    }
}
