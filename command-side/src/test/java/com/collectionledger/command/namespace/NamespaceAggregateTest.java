package com.collectionledger.command.namespace;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.InMemoryDirectory.ref;
import static com.collectionledger.command.support.Seed.NOW;
import static com.collectionledger.command.support.Seed.NS;
import static com.collectionledger.command.support.Seed.NS_NAME;
import static com.collectionledger.command.support.Seed.SEED_EXTRACTORS;

/** A namespace: a valid, service-wide unique name and at least one catalog extractor, none twice. */
class NamespaceAggregateTest {

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final AggregateTestFixture<Namespace> fixture = Fixtures.fixture(Namespace.class, directory);

    private static CreateNamespaceCommand namespace(String name, String... extractorIds) {
        return new CreateNamespaceCommand(NS, name, "The collections of the seed document",
                Arrays.stream(extractorIds).map(InMemoryDirectory::ref).toList());
    }

    @Test
    void seedNamespaceWithFiveExtractorsIsCreated() {
        List<ExtractorRef> extractors = SEED_EXTRACTORS.stream().map(InMemoryDirectory::ref).toList();

        fixture.givenNoPriorActivity()
                .when(new CreateNamespaceCommand(NS, NS_NAME, "The collections of the seed document", extractors))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceCreated(NS, NS_NAME, "The collections of the seed document", extractors,
                        NOW))
                .expectResultMessagePayload(NS);
    }

    @Test
    void extractorParamsThatFitTheCatalogAreKeptOnTheEvent() {
        List<ExtractorRef> extractors = List.of(new ExtractorRef("text_extractor", "v1",
                Map.of("model", "multilingual-e5-large-instruct")));

        fixture.givenNoPriorActivity()
                .when(new CreateNamespaceCommand(NS, NS_NAME, null, extractors))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceCreated(NS, NS_NAME, null, extractors, NOW));
    }

    @Test
    void extractorParamsThatAreNotTheExtractorsAreRejectedAtTheirPath() {
        rejected(fixture, new CreateNamespaceCommand(NS, NS_NAME, null, List.of(
                        new ExtractorRef("text_extractor", "v1", Map.of("fps", 1)))),
                invalidAt("extra_forbidden", at("feature_extractors", "0", "params", "fps")));
    }

    @Test
    void extractorParamsOfTheWrongTypeAreRejectedAtTheirPath() {
        rejected(fixture, new CreateNamespaceCommand(NS, NS_NAME, null, List.of(
                        new ExtractorRef("text_extractor", "v1", Map.of("chunk_size", "large")))),
                invalidAt("type_error", at("feature_extractors", "0", "params", "chunk_size")));
    }

    @Test
    void namespaceWithoutExtractorsIsRejected() {
        rejected(fixture, namespace(NS_NAME), invalidOnlyAt(at("feature_extractors")));
    }

    @Test
    void extractorThatIsNotInTheCatalogIsRejectedAtItsIndex() {
        rejected(fixture, namespace(NS_NAME, "text_extractor_v1", "audio_extractor_v1"),
                invalidAt("not_found", at("feature_extractors", "1")));
    }

    @Test
    void catalogExtractorWithAnUnknownVersionIsRejected() {
        rejected(fixture, namespace(NS_NAME, "image_extractor_v3"),
                invalidOnlyAt(at("feature_extractors", "0")));
    }

    @Test
    void extractorListedTwiceIsRejectedAtTheDuplicate() {
        rejected(fixture, namespace(NS_NAME, "text_extractor_v1", "image_extractor_v1", "text_extractor_v1"),
                invalidOnlyAt(at("feature_extractors", "2")));
    }

    @Test
    void twoVersionsOfOneExtractorAreNotDuplicates() {
        fixture.givenNoPriorActivity()
                .when(namespace(NS_NAME, "image_extractor_v1", "image_extractor_v2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceCreated(NS, NS_NAME, "The collections of the seed document",
                        List.of(ref("image_extractor_v1"), ref("image_extractor_v2")), NOW));
    }

    @Test
    void extractorWithoutVersionIsRejected() {
        rejected(fixture,
                new CreateNamespaceCommand(NS, NS_NAME, null, List.of(new ExtractorRef("text_extractor", null))),
                invalidOnlyAt(at("feature_extractors", "0")));
    }

    @Test
    void namespaceNameTakenIsAlreadyExists() {
        directory.namespace("ns_existing01", NS_NAME, "text_extractor_v1");

        rejected(fixture, namespace(NS_NAME, "text_extractor_v1"),
                kind(ErrorKind.ALREADY_EXISTS), detail("name", NS_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ns", "ns_seed", "with space", "tab\tname", "bell\u0007name"})
    void namespaceNameBreakingTheNameRulesIsRejected(String name) {
        rejected(fixture, namespace(name, "text_extractor_v1"), invalidOnlyAt(at("namespace_name")));
    }

    @Test
    void namespaceDescriptionLongerThan2000CharactersIsRejected() {
        rejected(fixture, new CreateNamespaceCommand(NS, NS_NAME, "d".repeat(2_001), List.of(ref("text_extractor_v1"))),
                invalidOnlyAt(at("description")));
    }

    @Test
    void everyNamespaceViolationIsReportedTogether() {
        rejected(fixture, new CreateNamespaceCommand(NS, "x", "d".repeat(2_001), List.of()), invalidOnlyAt(
                at("namespace_name"), at("description"), at("feature_extractors")));
    }

    // ---- payload_indexes and auto_create_indexes (Mixpeek's PayloadIndexConfig) -------------------

    private static CreateNamespaceCommand withIndexes(PayloadIndex... indexes) {
        return new CreateNamespaceCommand(NS, NS_NAME, null, List.of(ref("text_extractor_v1")), List.of(indexes), null);
    }

    @Test
    void payloadIndexesAndAutoCreateIndexesAreKeptOnTheEvent() {
        List<PayloadIndex> indexes = List.of(
                new PayloadIndex("metadata.title", "text", Map.of("type", "text", "tokenizer", "word",
                        "min_token_len", 2, "max_token_len", 15, "lowercase", true), false),
                new PayloadIndex("metadata.description", "keyword", Map.of("type", "keyword", "is_tenant", true), null));

        fixture.givenNoPriorActivity()
                .when(new CreateNamespaceCommand(NS, NS_NAME, null, List.of(ref("text_extractor_v1")), indexes, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceCreated(NS, NS_NAME, null, List.of(ref("text_extractor_v1")), indexes, true,
                        NOW));
    }

    @Test
    void payloadIndexOfATypeOutsidePayloadSchemaTypeIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("title", "fulltext", null, null)),
                invalidOnlyAt(at("payload_indexes", "0", "type")));
    }

    @Test
    void payloadIndexWithoutFieldNameOrTypeIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex(null, null, null, null)), invalidOnlyAt(
                at("payload_indexes", "0", "field_name"), at("payload_indexes", "0", "type")));
    }

    @Test
    void payloadIndexParameterOfAnotherIndexTypeIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("user_id", "keyword", Map.of("tokenizer", "word"), null)),
                invalidAt("extra_forbidden", at("payload_indexes", "0", "field_schema", "tokenizer")));
    }

    @Test
    void payloadIndexParameterOfTheWrongTypeOrValueIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("title", "text", Map.of("tokenizer", "ngram",
                        "lowercase", "yes"), null)), invalidOnlyAt(
                at("payload_indexes", "0", "field_schema", "tokenizer"),
                at("payload_indexes", "0", "field_schema", "lowercase")));
    }

    @Test
    void payloadIndexFieldSchemaTypeMustBeTheIndexType() {
        rejected(fixture, withIndexes(new PayloadIndex("user_id", "keyword", Map.of("type", "integer"), null)),
                invalidOnlyAt(at("payload_indexes", "0", "field_schema", "type")));
    }

    @Test
    void payloadIndexMinTokenLengthAboveMaxIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("title", "text", Map.of("min_token_len", 10,
                        "max_token_len", 2), null)),
                invalidOnlyAt(at("payload_indexes", "0", "field_schema", "min_token_len")));
    }

    @Test
    void payloadIndexOnAProtectedSystemFieldIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("namespace_id", "keyword", null, false)),
                invalidOnlyAt(at("payload_indexes", "0", "field_name")));
    }

    @Test
    void protectedPayloadIndexCannotBeGivenByAClient() {
        rejected(fixture, withIndexes(new PayloadIndex("tenant", "keyword", Map.of("is_tenant", true), true)),
                invalidOnlyAt(at("payload_indexes", "0", "is_protected")));
    }

    @Test
    void payloadIndexOnAFieldIndexedTwiceIsRejectedAtTheSecond() {
        rejected(fixture, withIndexes(new PayloadIndex("user_id", "keyword", null, null),
                        new PayloadIndex("user_id", "uuid", null, null)),
                invalidOnlyAt(at("payload_indexes", "1", "field_name")));
    }

    @Test
    void payloadIndexFieldNameLongerThan255CharactersIsRejected() {
        rejected(fixture, withIndexes(new PayloadIndex("f".repeat(256), "keyword", null, null)),
                invalidOnlyAt(at("payload_indexes", "0", "field_name")));
    }
}
