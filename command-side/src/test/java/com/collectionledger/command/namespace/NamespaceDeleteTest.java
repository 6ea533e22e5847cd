package com.collectionledger.command.namespace;

import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.namespace.DeleteNamespaceCommand;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.InMemoryDirectory.ref;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE of a namespace deletes its buckets and live collections with it (Mixpeek deletes "ALL its
 * resources"), each through its own aggregate, in the same unit of work: nothing is left orphaned.
 */
class NamespaceDeleteTest {

    /** Records what the namespace asked to delete, in order. */
    static final class RecordingCascade implements NamespaceCascade {
        final List<String> deleted = new ArrayList<>();

        @Override
        public void deleteCollection(String collectionId, Instant at) {
            deleted.add(collectionId);
        }

        @Override
        public void deleteBucket(String bucketId, Instant at) {
            deleted.add(bucketId);
        }
    }

    private final InMemoryDirectory directory = Seed.directory();
    private final RecordingCascade cascade = new RecordingCascade();
    private final AggregateTestFixture<Namespace> fixture = Fixtures.fixture(Namespace.class, directory);

    {
        fixture.registerInjectableResource(cascade);
    }

    private static NamespaceCreated created() {
        return new NamespaceCreated(NS, NS_NAME, null, List.of(ref("text_extractor_v1")), NOW);
    }

    @Test
    void deletionDeletesEveryLiveCollectionAndBucketOfTheNamespaceWithIt() {
        directory.bucketReader("col_articles01", NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .bucketReader("col_gone000001", NS, "deleted_before", "text_extractor_v1", ARTICLES)
                .markDeleted("col_gone000001")
                .bucketReader("col_foreign001", OTHER_NS, "foreign_embeddings", "text_extractor_v1", FOREIGN_BUCKET);

        fixture.given(created())
                .when(new DeleteNamespaceCommand(NS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceDeleted(NS, NS_NAME, List.of(ARTICLES, AUTHORED, VIDEOS),
                        List.of("col_articles01"), NOW))
                .expectResultMessagePayload(new CommandOutcome(NS, 1));
        assertThat(cascade.deleted).as("collections first, then buckets; nothing of another namespace")
                .containsExactly("col_articles01", ARTICLES, AUTHORED, VIDEOS);
        assertThat(directory.locked(NS)).as("listed under the namespace's lock").isTrue();
    }

    @Test
    void emptyNamespaceIsDeletedAlone() {
        InMemoryDirectory empty = new InMemoryDirectory().namespace(NS, NS_NAME, "text_extractor_v1");
        AggregateTestFixture<Namespace> alone = Fixtures.fixture(Namespace.class, empty);
        alone.registerInjectableResource(cascade);

        alone.given(created())
                .when(new DeleteNamespaceCommand(NS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NamespaceDeleted(NS, NS_NAME, List.of(), List.of(), NOW));
        assertThat(cascade.deleted).isEmpty();
    }

    @Test
    void deletingADeletedNamespaceIsNotFound() {
        rejected(fixture.given(created(), new NamespaceDeleted(NS, NS_NAME, List.of(), List.of(), NOW)),
                new DeleteNamespaceCommand(NS), kind(ErrorKind.NOT_FOUND));
        assertThat(cascade.deleted).isEmpty();
    }
}
