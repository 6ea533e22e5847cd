package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
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
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH: only name, description, enabled, metadata and taxonomy_applications; If-Match versions. */
class CollectionUpdateTest {

    private static final TaxonomyApplication TAXONOMY = new TaxonomyApplication("tax_1", null, null, null, null);

    private final InMemoryDirectory directory = Seed.directory().record(articleEmbeddingsCreated());
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private static UpdateCollectionCommand patch(String name, String description, Boolean enabled,
                                                 Map<String, Object> metadata, List<TaxonomyApplication> taxonomies) {
        return new UpdateCollectionCommand(ARTICLE_EMBEDDINGS, NS, name, description, enabled, metadata, taxonomies,
                null);
    }

    private static UpdateCollectionCommand patchAt(Long expectedVersion, String description) {
        return new UpdateCollectionCommand(ARTICLE_EMBEDDINGS, NS, null, description, null, null, null,
                expectedVersion);
    }

    private static CollectionUpdated renamed(String name) {
        return new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("collection_name"), name,
                ARTICLE_EMBEDDINGS_DESCRIPTION, true, Map.of(), List.of(), NOW);
    }

    @Test
    void patchOfEveryPatchableFieldChangesThemAllAndAnswersTheNewVersion() {
        fixture.given(articleEmbeddingsCreated())
                .when(patch("news_embeddings", "New description", false, Map.of("team", "news"), List.of(TAXONOMY)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectionUpdated(ARTICLE_EMBEDDINGS, NS,
                        List.of("collection_name", "description", "enabled", "metadata", "taxonomy_applications"),
                        "news_embeddings", "New description", false, Map.of("team", "news"), List.of(TAXONOMY), NOW))
                .expectResultMessagePayload(new CommandOutcome(ARTICLE_EMBEDDINGS, 1));
    }

    @Test
    void patchOfOneFieldNamesOnlyThatFieldAndKeepsTheOthers() {
        fixture.given(articleEmbeddingsCreated())
                .when(patch(null, null, false, null, null))
                .expectEvents(new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("enabled"), "article_embeddings",
                        ARTICLE_EMBEDDINGS_DESCRIPTION, false, Map.of(), List.of(), NOW));
    }

    @Test
    void patchChangesOnlyPatchableFieldsSoALaterCloneStillCopiesSourceAndExtractor() {
        directory.rename(ARTICLE_EMBEDDINGS, "news_embeddings");
        Captured<CollectionCloned> cloned = Captured.event(CollectionCloned.class);

        fixture.given(articleEmbeddingsCreated(),
                        new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("collection_name", "metadata"),
                                "news_embeddings", ARTICLE_EMBEDDINGS_DESCRIPTION, true, Map.of("team", "news"),
                                List.of(), NOW))
                .when(new CloneCollectionCommand(ARTICLE_EMBEDDINGS, NS, NEW_ID, "news_copy", null))
                .expectEventsMatching(cloned.onlyEvent());

        assertThat(cloned.value().config()).isEqualTo(new CollectionConfig(
                ARTICLE_EMBEDDINGS_DESCRIPTION, articleEmbeddingsConfig().source(), textOnContent(), true,
                Map.of("team", "news"), List.of()));
    }

    @Test
    void patchThatChangesNothingEmitsNoEventAndKeepsTheVersion() {
        fixture.given(articleEmbeddingsCreated())
                .when(patch("article_embeddings", ARTICLE_EMBEDDINGS_DESCRIPTION, true, Map.of(), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ARTICLE_EMBEDDINGS, 0));
    }

    @Test
    void emptyPatchEmitsNoEvent() {
        fixture.given(articleEmbeddingsCreated())
                .when(patch(null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renameToATakenNameIsAlreadyExists() {
        directory.record(videoFramesCreated());

        rejected(fixture.given(articleEmbeddingsCreated()),
                patch("video_frames", null, null, null, null),
                kind(ErrorKind.ALREADY_EXISTS),
                detail("name", "video_frames"));
    }

    @Test
    void renameToAnInvalidNameIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                patch("col_renamed", null, null, null, null),
                invalidOnlyAt(at("collection_name")));
    }

    @Test
    void renameToANameWithAControlCharacterIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                patch("news\u0000embeddings", null, null, null, null),
                invalidOnlyAt(at("collection_name")));
    }

    @Test
    void patchWithADescriptionLongerThan2000CharactersIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                patch(null, "d".repeat(2_001), null, null, null),
                invalidOnlyAt(at("description")));
    }

    @Test
    void patchWithMetadataOver16KiBIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                patch(null, null, null, Map.of("blob", "x".repeat(16 * 1024)), null),
                invalidOnlyAt(at("metadata")));
    }

    @Test
    void patchWithAnInvalidTaxonomyApplicationIsRejected() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                patch(null, null, null, null, List.of(new TaxonomyApplication("tax_1", null, null, 4, null))),
                invalidOnlyAt(at("taxonomy_applications", "0", "execution_phase")));
    }

    @Test
    void staleExpectedVersionIsPreconditionFailed() {
        rejected(fixture.given(articleEmbeddingsCreated(), renamed("news_embeddings")),
                patchAt(0L, "New description"),
                kind(ErrorKind.PRECONDITION_FAILED),
                detail("current_version", 1L),
                detail("expected_version", 0L));
    }

    @Test
    void currentExpectedVersionIsAccepted() {
        fixture.given(articleEmbeddingsCreated(), renamed("news_embeddings"))
                .when(patchAt(1L, "New description"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectionUpdated(ARTICLE_EMBEDDINGS, NS, List.of("description"), "news_embeddings",
                        "New description", true, Map.of(), List.of(), NOW))
                .expectResultMessagePayload(new CommandOutcome(ARTICLE_EMBEDDINGS, 2));
    }

    @Test
    void updateOfADeletedCollectionIsNotFound() {
        rejected(fixture.given(articleEmbeddingsCreated(),
                        new CollectionDeleted(ARTICLE_EMBEDDINGS, NS, "article_embeddings", NOW)),
                patch(null, "New description", null, null, null),
                kind(ErrorKind.NOT_FOUND));
    }

    @Test
    void updateFromAnotherNamespaceIsNotFound() {
        rejected(fixture.given(articleEmbeddingsCreated()),
                new UpdateCollectionCommand(ARTICLE_EMBEDDINGS, OTHER_NS, null, "hijacked", null, null, null, null),
                kind(ErrorKind.NOT_FOUND));
    }
}
