package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.onlyEvent;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** collection_name: 3..100 of letters, digits, _ - .; not col_; no control characters; unique among live ones. */
class CollectionNameRulesTest {

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, directory);

    private void accepted(String name) {
        CollectionCreated event = onlyEvent(fixture, create(name, articleEmbeddingsConfig()),
                CollectionCreated.class);
        assertThat(event.collectionName()).isEqualTo(name);
    }

    private void rejectedAsInvalidName(String name) {
        rejected(fixture, create(name, articleEmbeddingsConfig()), invalidAt("collection_name"));
    }

    @Test
    void nameOfThreeCharactersIsAccepted() {
        accepted("abc");
    }

    @Test
    void nameOfOneHundredCharactersIsAccepted() {
        accepted("n".repeat(100));
    }

    @Test
    void nameOfLettersDigitsUnderscoreDashAndDotIsAccepted() {
        accepted("My_Collection-2.0");
    }

    @Test
    void nameOfTwoCharactersIsRejected() {
        rejectedAsInvalidName("ab");
    }

    @Test
    void nameOfOneHundredAndOneCharactersIsRejected() {
        rejectedAsInvalidName("n".repeat(101));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingOrBlankNameIsRejected(String name) {
        rejectedAsInvalidName(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "slash/name", "semi;colon", "quote'name", "star*"})
    void nameWithCharactersOtherThanLettersDigitsUnderscoreDashDotIsRejected(String name) {
        rejectedAsInvalidName(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\u0000def", "abc\u0007def", "abc\ndef", "abc\tdef", "abc\u007fdef", "abc\u0085def"})
    void nameWithControlCharacterIsRejected(String name) {
        rejectedAsInvalidName(name);
    }

    @Test
    void nameStartingWithTheIdPrefixColIsRejected() {
        rejected(fixture, create("col_abcdefghij", articleEmbeddingsConfig()),
                invalidAt("value_error", List.of("collection_name")));
    }

    @Test
    void nameTakenByALiveCollectionOfTheNamespaceIsAlreadyExists() {
        directory.record(articleEmbeddingsCreated());

        rejected(fixture, create("article_embeddings", articleEmbeddingsConfig()),
                kind(ErrorKind.ALREADY_EXISTS),
                detail("name", "article_embeddings"))
                .expectExceptionMessage("collection named 'article_embeddings' already exists");
    }

    @Test
    void nameOfADeletedCollectionCanBeReused() {
        directory.record(articleEmbeddingsCreated()).markDeleted(ARTICLE_EMBEDDINGS);

        accepted("article_embeddings");
    }

    @Test
    void nameTakenOnlyInAnotherNamespaceIsFree() {
        directory.collection("col_foreign001", OTHER_NS, "article_embeddings", schema("title", "string"),
                "text_extractor_v1", null);

        accepted("article_embeddings");
    }
}
