package com.collectionledger.command.namespace;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.NamespaceCloneOutcome;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.command.bucket.Bucket;
import com.collectionledger.command.collection.Collection;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source Namespace handles the clone: every new aggregate (namespace, buckets, collections) gets
 * its own stream in the one unit of work, and when a rule breaks, no stream gets anything.
 */
class NamespaceCloneAggregateTest {

    private static final String TARGET = "ns_target0001";

    private final InMemoryDirectory directory = Seed.directory()
            .record(videoFramesCreated()).record(detectedScenesCreated());
    private final AggregateTestFixture<Namespace> fixture = Fixtures.fixture(Namespace.class, directory);
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();

    /** The members as their aggregates hold them: the seed's buckets, frames and the scenes over them. */
    private final NamespaceMembers members = new NamespaceMembers() {
        @Override
        public Bucket.CloneSource bucket(String bucketId) {
            return new Bucket.CloneSource(bucketId, directory.bucket(NS, bucketId).orElseThrow().bucketName(), null,
                    directory.bucket(NS, bucketId).orElseThrow().bucketSchema(), Map.of(), null);
        }

        @Override
        public Collection.CloneSource collection(String collectionId) {
            return collectionId.equals(VIDEO_FRAMES)
                    ? new Collection.CloneSource(VIDEO_FRAMES, "video_frames", 0, videoFramesConfig(),
                    videoFramesSchemas().inputSchema(), VIDEO_FRAMES, 0, List.of(VIDEO_FRAMES))
                    : new Collection.CloneSource(DETECTED_SCENES, "detected_scenes", 0, detectedScenesConfig(),
                    detectedScenesSchemas().inputSchema(), DETECTED_SCENES, 0, List.of(DETECTED_SCENES));
        }
    };

    @BeforeEach
    void repositories() {
        fixture.registerInjectableResource(members);
        Map<Class<?>, Repository<?>> repositories = Map.of(
                Namespace.class, EventSourcingRepository.builder(Namespace.class).eventStore(store).build(),
                Bucket.class, EventSourcingRepository.builder(Bucket.class).eventStore(store).build(),
                Collection.class, EventSourcingRepository.builder(Collection.class).eventStore(store).build());
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return (Repository<T>) repositories.get(type);
            }
        });
    }

    @AfterEach
    void stopStore() {
        store.shutDown();
    }

    /** Every event the store holds, in order. */
    private List<Object> stored() {
        return storage.readEvents(null, false).map(m -> (Object) m.getPayload()).toList();
    }

    private static NamespaceCreated seedNamespaceCreated(List<String> extractorIds) {
        return new NamespaceCreated(NS, NS_NAME, "The collections of the seed document",
                extractorIds.stream().map(InMemoryDirectory::ref).toList(), NOW);
    }

    @Test
    void everyCloneIsTheFirstEventOfItsOwnNewStream() {
        fixture.given(seedNamespaceCreated(SEED_EXTRACTORS))
                .when(new CloneNamespaceCommand(NS, TARGET, "staging", null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        List<? extends DomainEventMessage<?>> events = store.readEvents(TARGET).asStream().toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("Namespace");
            assertThat(e.getPayload()).isInstanceOf(NamespaceCloned.class);
        });
        List<Object> all = stored();
        assertThat(all).hasSize(1 + 3 + 2);
        assertThat(all.get(0)).isInstanceOf(NamespaceCloned.class);
        assertThat(all.subList(1, 4)).allMatch(BucketCloned.class::isInstance);
        assertThat(all.subList(4, 6)).allMatch(CollectionCloned.class::isInstance);
        CollectionCloned frames = (CollectionCloned) all.get(4);
        CollectionCloned scenes = (CollectionCloned) all.get(5);
        assertThat(scenes.config().source().collectionId()).isEqualTo(frames.collectionId());
        assertThat(store.readEvents(scenes.collectionId()).asStream().toList()).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("Collection"));
    }

    @Test
    void theCloneLocksTheSourceNamespaceForAConsistentCopy() {
        fixture.given(seedNamespaceCreated(SEED_EXTRACTORS))
                .when(new CloneNamespaceCommand(NS, TARGET, "staging", null, true))
                .expectSuccessfulHandlerExecution();

        assertThat(directory.locked(NS)).isTrue();
    }

    @Test
    void aDeletedNamespaceCannotBeCloned() {
        rejected(fixture.given(seedNamespaceCreated(SEED_EXTRACTORS),
                        new NamespaceDeleted(NS, NS_NAME, List.of(), List.of(), NOW)),
                new CloneNamespaceCommand(NS, TARGET, "staging", null, true), kind(ErrorKind.NOT_FOUND));

        assertThat(stored()).isEmpty();
    }

    @Test
    void theOutcomeNamesEveryNewAggregate() {
        fixture.given(seedNamespaceCreated(SEED_EXTRACTORS))
                .when(new CloneNamespaceCommand(NS, TARGET, "staging", null, false))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(NamespaceCloneOutcome.class));

        assertThat(stored())
                .hasSize(1 + 3).noneMatch(CollectionCloned.class::isInstance);
    }

    @Test
    void aRuleBrokenByTheLastCollectionLeavesEveryStreamEmpty() {
        List<String> withoutScenes = SEED_EXTRACTORS.stream().filter(id -> !id.startsWith("scene")).toList();

        rejected(fixture.given(seedNamespaceCreated(withoutScenes)),
                new CloneNamespaceCommand(NS, TARGET, "staging", null, true), kind(ErrorKind.CONFLICT));

        assertThat(stored()).isEmpty();
    }
}
