package com.collectionledger.command.bucket;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.DeleteBucketCommand;
import com.collectionledger.api.collection.CommandOutcome;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** DELETE of a bucket: refused (409 ConflictError naming them) while live collections read it. */
class BucketDeleteTest {

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Bucket> fixture = Fixtures.fixture(Bucket.class, directory);

    private static BucketCreated articlesCreated() {
        return new BucketCreated(ARTICLES, NS, "articles", null, ARTICLES_SCHEMA, null, NOW);
    }

    @Test
    void bucketThatNoLiveCollectionReadsIsDeleted() {
        fixture.given(articlesCreated())
                .when(new DeleteBucketCommand(ARTICLES, NS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketDeleted(ARTICLES, NS, "articles", NOW))
                .expectResultMessagePayload(new CommandOutcome(ARTICLES, 1));
        assertThat(directory.locked(NS)).as("readers found under the namespace's lock").isTrue();
    }

    @Test
    void bucketThatLiveCollectionsReadIsAConflictNamingThem() {
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .bucketReader("col_merged0001", NS, "merged_articles", "text_extractor_v1", AUTHORED, ARTICLES);

        rejected(fixture.given(articlesCreated()), new DeleteBucketCommand(ARTICLES, NS),
                kind(ErrorKind.CONFLICT), detail("dependents", List.of(
                        Map.of("collection_id", ARTICLE_EMBEDDINGS, "collection_name", "article_embeddings"),
                        Map.of("collection_id", "col_merged0001", "collection_name", "merged_articles"))))
                .expectExceptionMessage(containsString("delete those first"));
    }

    @Test
    void bucketReadOnlyByDeletedCollectionsIsDeleted() {
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .markDeleted(ARTICLE_EMBEDDINGS);

        fixture.given(articlesCreated())
                .when(new DeleteBucketCommand(ARTICLES, NS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketDeleted(ARTICLES, NS, "articles", NOW));
    }

    @Test
    void deletedBucketOrOneOfAnotherNamespaceIsNotFound() {
        rejected(fixture.given(articlesCreated(), new BucketDeleted(ARTICLES, NS, "articles", NOW)),
                new DeleteBucketCommand(ARTICLES, NS), kind(ErrorKind.NOT_FOUND));
        rejected(fixture.given(articlesCreated()), new DeleteBucketCommand(ARTICLES, OTHER_NS), kind(ErrorKind.NOT_FOUND));
    }
}
