package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.api.template.InstantiateTemplateCommand;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.command.support.Captured;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
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
 * Collection templates: a collection captures itself as a template (TemplateCreated), and a template
 * makes new collections (CollectionInstantiated), validated exactly as a create is.
 */
class CollectionTemplateTest {

    private static final String TEMPLATE_ID = "tmpl_articles01";
    private static final String SCENES_TEMPLATE_ID = "tmpl_scenes0001";

    private final InMemoryDirectory directory = Seed.directory().record(articleEmbeddingsCreated());
    private final AggregateTestFixture<Collection> collections = Fixtures.fixture(Collection.class, directory);
    private final AggregateTestFixture<CollectionTemplate> templates =
            Fixtures.fixture(CollectionTemplate.class, directory);

    private static CreateTemplateFromCollectionCommand capture(String name, String description, String scope,
                                                               String category, List<String> tags, Boolean isPublic) {
        return new CreateTemplateFromCollectionCommand(ARTICLE_EMBEDDINGS, NS, TEMPLATE_ID, name, description, scope,
                category, tags, isPublic);
    }

    private static CreateTemplateFromCollectionCommand capture(String name) {
        return capture(name, null, null, null, null, null);
    }

    /** The template of article_embeddings at version 0, as the capture test shows it is made. */
    private static TemplateCreated articlesTemplate() {
        return new TemplateCreated(TEMPLATE_ID, NS, "Article embeddings", "text embeddings of articles",
                "organization", "search", List.of("text"), ARTICLE_EMBEDDINGS, "article_embeddings", 0,
                articleEmbeddingsConfig(), ARTICLES_SCHEMA, NOW);
    }

    /** A template of detected_scenes, which reads the collection video_frames. */
    private static TemplateCreated scenesTemplate() {
        return new TemplateCreated(SCENES_TEMPLATE_ID, NS, "Scenes", "scenes of frames", "organization", null,
                List.of(), DETECTED_SCENES, "detected_scenes", 0, detectedScenesConfig(),
                detectedScenesSchemas().inputSchema(), NOW);
    }

    private static InstantiateTemplateCommand instantiate(String name, List<String> bucketIds, String collectionId) {
        return new InstantiateTemplateCommand(TEMPLATE_ID, NS, NEW_ID, name, bucketIds, collectionId, null, null);
    }

    private CollectionInstantiated instantiated(InstantiateTemplateCommand command) {
        return onlyEvent(templates.given(articlesTemplate()), command, CollectionInstantiated.class);
    }

    // ---- capture ---------------------------------------------------------------------------------

    @Test
    void captureCreatesTheTemplateWithTheCollectionsConfigurationAtItsCurrentVersion() {
        Captured<TemplateCreated> created = Captured.event(TemplateCreated.class);

        collections.given(articleEmbeddingsCreated(),
                        new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("description", "metadata"),
                                "article_embeddings", "patched", false, Map.of("team", "news"), List.of(), NOW))
                .when(capture("Article embeddings", "text embeddings of articles", "organization", "search",
                        List.of("text", "news", "text"), false))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(created.onlyEvent())
                .expectResultMessagePayload(new CommandOutcome(TEMPLATE_ID, 0));

        CollectionConfig patched = new CollectionConfig("patched", SourceConfig.buckets(List.of(ARTICLES)),
                textOnContent(), false, Map.of("team", "news"), List.of());
        assertThat(created.value()).isEqualTo(new TemplateCreated(TEMPLATE_ID, NS, "Article embeddings",
                "text embeddings of articles", "organization", "search", List.of("text", "news"), ARTICLE_EMBEDDINGS,
                "article_embeddings", 1, patched, ARTICLES_SCHEMA, NOW));
        assertThat(created.message().getPayload()).isInstanceOf(TemplateCreated.class);
    }

    @Test
    void captureWithoutADescriptionNamesTheCollectionAndItsVersion() {
        TemplateCreated created = onlyEvent(collections.given(articleEmbeddingsCreated()), capture("Articles"),
                TemplateCreated.class);

        assertThat(created.description())
                .isEqualTo("Template of collection 'article_embeddings' (" + ARTICLE_EMBEDDINGS + ") at version 0");
        assertThat(created.scope()).isEqualTo("organization");
        assertThat(created.tags()).isEmpty();
        assertThat(created.category()).isNull();
    }

    @Test
    void captureKeepsTheInputSchemaTheCollectionWasNarrowedTo() {
        FeatureExtractorConfig includeAll = new FeatureExtractorConfig("text_extractor", "v1", null,
                Map.of("text", "content"), null, true);
        CreateCollectionCommand narrowed = new CreateCollectionCommand(ARTICLE_EMBEDDINGS, NS, "content_only",
                fromBuckets(includeAll, ARTICLES), schema("content", "text"));

        TemplateCreated created = onlyEvent(collections.givenCommands(narrowed), capture("Content only"),
                TemplateCreated.class);

        assertThat(created.inputSchema()).isEqualTo(schema("content", "text"));
    }

    @Test
    void captureOfADeletedCollectionOrOneOfAnotherNamespaceIsNotFound() {
        rejected(collections.given(articleEmbeddingsCreated(),
                        new CollectionDeleted(ARTICLE_EMBEDDINGS, NS, "article_embeddings", NOW)),
                capture("Gone"), kind(ErrorKind.NOT_FOUND));
        rejected(collections.given(articleEmbeddingsCreated()),
                new CreateTemplateFromCollectionCommand(ARTICLE_EMBEDDINGS, OTHER_NS, TEMPLATE_ID, "Stolen", null,
                        null, null, null, null),
                kind(ErrorKind.NOT_FOUND), detail("identifier", ARTICLE_EMBEDDINGS));
    }

    @Test
    void captureRejectsEveryBrokenTemplateFieldAtItsPath() {
        rejected(collections.given(articleEmbeddingsCreated()),
                capture(" ", "d".repeat(1_001), "user", "c".repeat(51), List.of("ok", "", "bad\ttag"), true),
                invalidOnlyAt(at("template_name"), at("description"), at("scope"),
                        at("category"), at("tags", "1"), at("tags", "2"),
                        at("is_public")));
    }

    @Test
    void captureRejectsALongOrControlCharacterNameAnUnknownScopeAndTooManyTags() {
        rejected(collections.given(articleEmbeddingsCreated()),
                capture("n".repeat(101), null, "galaxy", null, null, null),
                invalidOnlyAt(at("template_name"), at("scope")));
        rejected(collections.given(articleEmbeddingsCreated()),
                capture("line\nbreak", "a\u0000b", null, null,
                        java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList(), null),
                invalidOnlyAt(at("template_name"), at("description"), at("tags")));
    }

    @Test
    void tagsThatAreNotValidUnicodeAreRejected() {
        rejected(collections.given(articleEmbeddingsCreated()),
                capture("Surrogates", null, null, "a\uDC00b", List.of("\uD800", "ok😀"), null),
                invalidOnlyAt(at("category"), at("tags", "0")));
    }

    @Test
    void aNameOfAHundredEmojisIsAHundredCharacters() {
        TemplateCreated created = onlyEvent(collections.given(articleEmbeddingsCreated()),
                capture("😀".repeat(100)), TemplateCreated.class);

        assertThat(created.templateName()).hasSize(200);
    }

    // ---- instantiate: the event ---------------------------------------------------------------------

    @Test
    void instantiateCreatesANewCollectionWhoseEventNamesTheTemplateAndWhatItCaptured() {
        Captured<CollectionInstantiated> instantiated = Captured.event(CollectionInstantiated.class);

        templates.given(articlesTemplate())
                .when(new InstantiateTemplateCommand(TEMPLATE_ID, NS, NEW_ID, "authored_embeddings",
                        List.of(AUTHORED), null, "from the template", List.of("prod", "prod", "products")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(instantiated.onlyEvent())
                .expectResultMessagePayload(new CommandOutcome(NEW_ID, 0));

        CollectionConfig merged = new CollectionConfig("from the template", SourceConfig.buckets(List.of(AUTHORED)),
                textOnContent(), null, null, null);
        ObjectSchema output = schema("title", "string", "text_extractor_v1_embedding", "array");
        assertThat(instantiated.value()).isEqualTo(new CollectionInstantiated(NEW_ID, NS, "authored_embeddings",
                TEMPLATE_ID, "Article embeddings", ARTICLE_EMBEDDINGS, "article_embeddings", 0, merged,
                List.of("prod", "products"),
                new CollectionSchemas(AUTHORED_SCHEMA, output, null, List.of(ownTier(merged, output))),
                NOW));
    }

    @Test
    void instantiateWithoutASourceUsesTheTemplatesSourceAndNarrowedInput() {
        TemplateCreated narrowed = new TemplateCreated(TEMPLATE_ID, NS, "Content only", "d", "organization", null,
                List.of(), ARTICLE_EMBEDDINGS, "content_only", 3, fromBuckets(new FeatureExtractorConfig(
                "text_extractor", "v1", null, Map.of("text", "content"), null, true), ARTICLES),
                schema("content", "text"), NOW);

        CollectionInstantiated event = onlyEvent(templates.given(narrowed), instantiate("content_copy", null, null),
                CollectionInstantiated.class);

        assertThat(event.config().source()).isEqualTo(SourceConfig.buckets(List.of(ARTICLES)));
        assertThat(event.schemas().inputSchema()).isEqualTo(schema("content", "text"));
        assertThat(event.sourceVersion()).isEqualTo(3);
        assertThat(event.config().description()).isEqualTo(narrowed.configuration().description());
    }

    @Test
    void instantiateOfACollectionSourcedTemplateReadsTheGivenCollection() {
        directory.record(videoFramesCreated());

        CollectionInstantiated event = onlyEvent(templates.given(scenesTemplate()),
                new InstantiateTemplateCommand(SCENES_TEMPLATE_ID, NS, NEW_ID, "more_scenes", null, VIDEO_FRAMES,
                        null, null), CollectionInstantiated.class);

        assertThat(event.config().source()).isEqualTo(SourceConfig.collection(VIDEO_FRAMES));
        assertThat(event.schemas()).isEqualTo(detectedScenesSchemas());
        assertThat(event.sourceCollectionId()).isEqualTo(DETECTED_SCENES);
    }

    @Test
    void anInstantiatedCollectionIsTheOriginalOfItsClones() {
        CollectionInstantiated made = instantiated(instantiate("made", List.of(ARTICLES), null));
        directory.record(made);

        CollectionCloned clone = onlyEvent(collections.given(made),
                new CloneCollectionCommand(NEW_ID, NS, "col_clone00001", "made_copy", null), CollectionCloned.class);

        assertThat(clone.rootCollectionId()).isEqualTo(NEW_ID);
        assertThat(clone.generation()).isEqualTo(1);
        assertThat(clone.config()).isEqualTo(made.config());
    }

    // ---- instantiate: every rule of create ---------------------------------------------------------

    @Test
    void anInvalidNameIsRejected() {
        rejected(templates.given(articlesTemplate()), instantiate("col_mine", List.of(ARTICLES), null),
                invalidOnlyAt(at("collection_name")));
        rejected(templates.given(articlesTemplate()), instantiate("ab", List.of(ARTICLES), null),
                invalidOnlyAt(at("collection_name")));
    }

    @Test
    void aNameTakenByALiveCollectionIsAlreadyExists() {
        rejected(templates.given(articlesTemplate()), instantiate("article_embeddings", List.of(ARTICLES), null),
                kind(ErrorKind.ALREADY_EXISTS), detail("name", "article_embeddings"));
    }

    @Test
    void theNameOfADeletedCollectionIsFree() {
        directory.markDeleted(ARTICLE_EMBEDDINGS);

        assertThat(instantiated(instantiate("article_embeddings", List.of(ARTICLES), null)).collectionName())
                .isEqualTo("article_embeddings");
    }

    @Test
    void unknownOrForeignBucketsAreRejectedWhereTheRequestGaveThem() {
        rejected(templates.given(articlesTemplate()),
                instantiate("two_buckets", List.of(ARTICLES, "bkt_missing001"), null),
                invalidOnlyAt(at("bucket_ids", "1")));
        rejected(templates.given(articlesTemplate()), instantiate("foreign", List.of(FOREIGN_BUCKET), null),
                invalidAt("not_found", at("bucket_ids", "0")));
        rejected(templates.given(articlesTemplate()), instantiate("no_buckets", List.of(), null),
                invalidOnlyAt(at("bucket_ids")));
    }

    @Test
    void bucketsWhoseSchemasClashAreRejected() {
        directory.bucket("bkt_clash00001", NS, "clash", schema("content", "image"));

        rejected(templates.given(articlesTemplate()),
                instantiate("clashing", List.of(ARTICLES, "bkt_clash00001"), null),
                invalidAt("type_conflict", at("bucket_ids")));
    }

    @Test
    void aBucketTheTemplatesExtractorCannotReadIsRejectedAtTheExtractor() {
        rejected(templates.given(articlesTemplate()), instantiate("from_videos", List.of(VIDEOS), null),
                invalidOnlyAt(at("feature_extractor", "input_mappings", "text"),
                        at("feature_extractor", "field_passthrough", "0", "source_path")));
    }

    @Test
    void anExtractorTheNamespaceNoLongerEnablesIsRejected() {
        directory.namespace(NS, NS_NAME, "multimodal_extractor_v1");

        rejected(templates.given(articlesTemplate()), instantiate("disabled", List.of(ARTICLES), null),
                invalidOnlyAt(at("feature_extractor", "feature_extractor_name")));
    }

    @Test
    void aDescriptionOverrideIsValidatedLikeCreate() {
        rejected(templates.given(articlesTemplate()),
                new InstantiateTemplateCommand(TEMPLATE_ID, NS, NEW_ID, "long", List.of(ARTICLES), null,
                        "d".repeat(2_001), null),
                invalidOnlyAt(at("description")));
    }

    @Test
    void aSourceOfBothKindsOrACollectionForABucketTemplateIsRejected() {
        rejected(templates.given(articlesTemplate()), instantiate("both", List.of(ARTICLES), VIDEO_FRAMES),
                invalidOnlyAt(at("collection_id")));
        rejected(templates.given(articlesTemplate()), instantiate("from_frames", null, VIDEO_FRAMES),
                invalidOnlyAt(at("collection_id")));
    }

    @Test
    void bucketsForACollectionTemplateAreRejected() {
        rejected(templates.given(scenesTemplate()),
                new InstantiateTemplateCommand(SCENES_TEMPLATE_ID, NS, NEW_ID, "scenes_of_articles",
                        List.of(ARTICLES), null, null, null),
                invalidOnlyAt(at("bucket_ids")));
    }

    @Test
    void aSourceCollectionThatIsDeletedOrTheNewCollectionItselfIsRejected() {
        directory.record(videoFramesCreated()).markDeleted(VIDEO_FRAMES);

        rejected(templates.given(scenesTemplate()),
                new InstantiateTemplateCommand(SCENES_TEMPLATE_ID, NS, NEW_ID, "orphan", null, VIDEO_FRAMES,
                        null, null),
                invalidAt("not_found", at("collection_id")));
        rejected(templates.given(scenesTemplate()),
                new InstantiateTemplateCommand(SCENES_TEMPLATE_ID, NS, NEW_ID, "itself", null, NEW_ID, null, null),
                invalidOnlyAt(at("collection_id")));
    }

    @Test
    void theTemplatesOwnSourceIsCheckedAgainAndReportedInTheConfiguration() {
        directory.record(videoFramesCreated()).markDeleted(VIDEO_FRAMES);

        rejected(templates.given(scenesTemplate()),
                new InstantiateTemplateCommand(SCENES_TEMPLATE_ID, NS, NEW_ID, "stale", null, null, null, null),
                invalidAt("not_found", at("source", "collection_id")));
    }

    @Test
    void brokenTagsAreRejected() {
        rejected(templates.given(articlesTemplate()),
                new InstantiateTemplateCommand(TEMPLATE_ID, NS, NEW_ID, "tagged", List.of(ARTICLES), null, null,
                        List.of("ok", "")),
                invalidOnlyAt(at("tags", "1")));
    }

    @Test
    void aTemplateOfAnotherNamespaceIsNotFound() {
        rejected(templates.given(articlesTemplate()),
                new InstantiateTemplateCommand(TEMPLATE_ID, OTHER_NS, NEW_ID, "stolen", List.of(FOREIGN_BUCKET), null,
                        null, null),
                kind(ErrorKind.NOT_FOUND), detail("identifier", TEMPLATE_ID));
    }
}
