package com.collectionledger.command.namespace;

import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.api.namespace.UpdateNamespaceCommand;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.InMemoryDirectory.ref;
import static com.collectionledger.command.support.Seed.ARTICLES;
import static com.collectionledger.command.support.Seed.NOW;
import static com.collectionledger.command.support.Seed.NS;
import static com.collectionledger.command.support.Seed.NS_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * PATCH and PUT of a namespace: each field given replaces its value (null keeps it), under the rules
 * of create; the name stays unique; an extractor live collections use stays, with its params.
 */
class NamespaceUpdateTest {

    private static final List<ExtractorRef> EXTRACTORS = List.of(ref("text_extractor_v1"), ref("image_extractor_v1"));

    private final InMemoryDirectory directory = new InMemoryDirectory().namespace(NS, NS_NAME,
            "text_extractor_v1", "image_extractor_v1");
    private final AggregateTestFixture<Namespace> fixture = Fixtures.fixture(Namespace.class, directory);

    private static NamespaceCreated created() {
        return new NamespaceCreated(NS, NS_NAME, "seed", EXTRACTORS, NOW);
    }

    private static UpdateNamespaceCommand rename(String name) {
        return new UpdateNamespaceCommand(NS, name, null, null, null, null);
    }

    private static UpdateNamespaceCommand extractors(ExtractorRef... refs) {
        return new UpdateNamespaceCommand(NS, null, null, List.of(refs), null, null);
    }

    @Test
    void renameToAFreeValidNameIsUpdatedAndNamesWhatChanged() {
        fixture.given(created())
                .when(rename("seed_renamed"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceUpdated(NS, List.of("namespace_name"), "seed_renamed", "seed", EXTRACTORS,
                        List.of(), false, NOW))
                .expectResultMessagePayload(new CommandOutcome(NS, 1));
    }

    @Test
    void fieldsLeftOutKeepTheirValues() {
        List<PayloadIndex> indexes = List.of(new PayloadIndex("metadata.title", "keyword", null, false));

        fixture.given(created())
                .when(new UpdateNamespaceCommand(NS, null, null, null, indexes, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceUpdated(NS, List.of("payload_indexes", "auto_create_indexes"), NS_NAME,
                        "seed", EXTRACTORS, indexes, true, NOW));
    }

    @Test
    void updateThatChangesNothingStoresNoEventAndAnswersTheCurrentVersion() {
        fixture.given(created())
                .when(new UpdateNamespaceCommand(NS, NS_NAME, "seed", EXTRACTORS, List.of(), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(NS, 0));
    }

    @Test
    void renameToANameTakenServiceWideIsAlreadyExists() {
        directory.namespace("ns_other00001", "taken_name", "text_extractor_v1");

        rejected(fixture.given(created()), rename("taken_name"),
                kind(ErrorKind.ALREADY_EXISTS), detail("name", "taken_name"));
    }

    @Test
    void renameBreakingTheNameRulesIsRejected() {
        rejected(fixture.given(created()), rename("ns_looks_like_an_id"), invalidOnlyAt(at("namespace_name")));
    }

    @Test
    void newExtractorListFollowsTheCreateRules() {
        rejected(fixture.given(created()), extractors(), invalidOnlyAt(at("feature_extractors")));
        rejected(fixture.given(created()), extractors(ref("text_extractor_v1"), ref("audio_extractor_v1")),
                invalidAt("not_found", at("feature_extractors", "1")));
    }

    @Test
    void newPayloadIndexesFollowTheCreateRules() {
        rejected(fixture.given(created()), new UpdateNamespaceCommand(NS, null, null, null,
                        List.of(new PayloadIndex("title", "fulltext", null, null)), null),
                invalidOnlyAt(at("payload_indexes", "0", "type")));
    }

    @Test
    void addingAnExtractorIsAllowedWhileCollectionsUseTheOthers() {
        directory.bucketReader("col_articles01", NS, "article_embeddings", "text_extractor_v1", ARTICLES);

        fixture.given(created())
                .when(extractors(ref("text_extractor_v1"), ref("image_extractor_v1"), ref("scene_extractor_v1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceUpdated(NS, List.of("feature_extractors"), NS_NAME, "seed",
                        List.of(ref("text_extractor_v1"), ref("image_extractor_v1"), ref("scene_extractor_v1")),
                        List.of(), false, NOW));
        assertThat(directory.locked(NS)).as("checked under the namespace's lock").isTrue();
    }

    @Test
    void removingAnExtractorThatLiveCollectionsUseIsAConflictNamingThem() {
        directory.bucketReader("col_articles01", NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .bucketReader("col_images0001", NS, "image_embeddings", "image_extractor_v1", ARTICLES);

        rejected(fixture.given(created()), extractors(ref("image_extractor_v1")),
                kind(ErrorKind.CONFLICT),
                detail("dependents", List.of(
                        Map.of("collection_id", "col_articles01", "collection_name", "article_embeddings"))),
                detail("feature_extractor_ids", List.of("text_extractor_v1")))
                .expectExceptionMessage(allOf(containsString("text_extractor_v1"), containsString("article_embeddings")));
    }

    @Test
    void changingTheParamsOfAnExtractorInUseIsAConflict() {
        directory.bucketReader("col_articles01", NS, "article_embeddings", "text_extractor_v1", ARTICLES);

        rejected(fixture.given(created()), extractors(new ExtractorRef("text_extractor", "v1", Map.of("model", "other")),
                        ref("image_extractor_v1")),
                kind(ErrorKind.CONFLICT), detail("feature_extractor_ids", List.of("text_extractor_v1")));
    }

    @Test
    void removingAnExtractorOnlyDeletedCollectionsUsedIsAllowed() {
        directory.bucketReader("col_articles01", NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .markDeleted("col_articles01");

        fixture.given(created())
                .when(extractors(ref("image_extractor_v1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceUpdated(NS, List.of("feature_extractors"), NS_NAME, "seed",
                        List.of(ref("image_extractor_v1")), List.of(), false, NOW));
    }

    @Test
    void updateOfADeletedNamespaceIsNotFound() {
        rejected(fixture.given(created(), new NamespaceDeleted(NS, NS_NAME, List.of(), List.of(), NOW)),
                rename("seed_renamed"), kind(ErrorKind.NOT_FOUND));
    }
}
