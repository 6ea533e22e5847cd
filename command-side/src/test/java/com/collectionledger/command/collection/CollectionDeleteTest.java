package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionDeleted;
import com.collectionledger.api.collection.CollectionUpdated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.DeleteCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** DELETE: refused (409 ConflictError naming them) while live collections read from this one. */
class CollectionDeleteTest {

    private final InMemoryDirectory directory = Seed.directory().record(videoFramesCreated());
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private static DeleteCollectionCommand deleteVideoFrames(Long expectedVersion) {
        return new DeleteCollectionCommand(VIDEO_FRAMES, NS, expectedVersion);
    }

    @Test
    void deleteEmitsCollectionDeletedAndAnswersTheNewVersion() {
        fixture.given(videoFramesCreated())
                .when(deleteVideoFrames(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectionDeleted(VIDEO_FRAMES, NS, "video_frames", NOW))
                .expectResultMessagePayload(new CommandOutcome(VIDEO_FRAMES, 1));
    }

    @Test
    void deleteWithLiveDependentsIsConflictNamingThem() {
        directory.record(detectedScenesCreated())
                .collection("col_scenes0002", NS, "more_scenes", detectedScenesSchemas().outputSchema(),
                        "scene_extractor_v1", detectedScenesSchemas().sourceLineage(), VIDEO_FRAMES);

        rejected(fixture.given(videoFramesCreated()),
                deleteVideoFrames(null),
                kind(ErrorKind.CONFLICT),
                detail("dependents", List.of(
                        Map.of("collection_id", DETECTED_SCENES, "collection_name", "detected_scenes"),
                        Map.of("collection_id", "col_scenes0002", "collection_name", "more_scenes"))))
                .expectExceptionMessage(allOf(containsString("detected_scenes"), containsString("more_scenes")));
    }

    @Test
    void deleteIsAllowedOnceEveryDependentIsDeleted() {
        directory.record(detectedScenesCreated()).markDeleted(DETECTED_SCENES);

        fixture.given(videoFramesCreated())
                .when(deleteVideoFrames(null))
                .expectEvents(new CollectionDeleted(VIDEO_FRAMES, NS, "video_frames", NOW));
    }

    @Test
    void dependentsOfOtherCollectionsDoNotBlockTheDelete() {
        directory.record(articleEmbeddingsCreated())
                .collection("col_artscene01", NS, "article_scenes", schema("x", "array"), "scene_extractor_v1",
                        List.of(), ARTICLE_EMBEDDINGS);

        fixture.given(videoFramesCreated())
                .when(deleteVideoFrames(null))
                .expectEvents(new CollectionDeleted(VIDEO_FRAMES, NS, "video_frames", NOW));
    }

    @Test
    void deletedEventCarriesTheCurrentNameAfterARename() {
        fixture.given(videoFramesCreated(), new CollectionUpdated(VIDEO_FRAMES, NS, List.of("collection_name"),
                        "frames", videoFramesConfig().description(), true, Map.of(), List.of(), NOW))
                .when(deleteVideoFrames(null))
                .expectEvents(new CollectionDeleted(VIDEO_FRAMES, NS, "frames", NOW))
                .expectResultMessagePayload(new CommandOutcome(VIDEO_FRAMES, 2));
    }

    @Test
    void deletingADeletedCollectionIsNotFound() {
        rejected(fixture.given(videoFramesCreated(), new CollectionDeleted(VIDEO_FRAMES, NS, "video_frames", NOW)),
                deleteVideoFrames(null),
                kind(ErrorKind.NOT_FOUND));
    }

    @Test
    void deleteWithAStaleExpectedVersionIsPreconditionFailed() {
        rejected(fixture.given(videoFramesCreated(), new CollectionUpdated(VIDEO_FRAMES, NS, List.of("enabled"),
                        "video_frames", videoFramesConfig().description(), false, Map.of(), List.of(), NOW)),
                deleteVideoFrames(0L),
                kind(ErrorKind.PRECONDITION_FAILED));
    }

    @Test
    void deleteWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(videoFramesCreated())
                .when(deleteVideoFrames(0L))
                .expectEvents(new CollectionDeleted(VIDEO_FRAMES, NS, "video_frames", NOW));
    }

    @Test
    void deleteFromAnotherNamespaceIsNotFound() {
        rejected(fixture.given(videoFramesCreated()),
                new DeleteCollectionCommand(VIDEO_FRAMES, OTHER_NS, null),
                kind(ErrorKind.NOT_FOUND));
    }
}
