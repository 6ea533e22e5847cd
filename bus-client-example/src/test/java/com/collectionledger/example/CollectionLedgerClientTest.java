package com.collectionledger.example;

import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.CollectionHistory;
import com.collectionledger.api.query.CollectionLineage;
import com.collectionledger.api.query.ViewVersionQuery;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.service.LedgerApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The example client against the real ledger, started in this JVM on an embedded store in a temporary
 * directory: the client gets the ledger's gateways, as it would get Axon Server's, and nothing else.
 */
@SpringBootTest(classes = LedgerApplication.class)
class CollectionLedgerClientTest {

    private static final String SERVICE = "search-indexer";

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer ledgerMessages;

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("bus-client-test").toString();
        registry.add("ledger.data-dir", () -> dataDir);
        // An API key of its own, so that the ledger does not generate and print one: HTTP goes unused here.
        registry.add("ledger.bootstrap-api-key", () -> "sk_test_bus_client_0123456789abcdefghijklmnop");
    }

    @Test
    void clonesAndReadsTheLineageAndHistoryOfTheClone() {
        CollectionLedgerClient client = new CollectionLedgerClient(SERVICE, commands, queries);
        String namespaceId = newNamespace(client);
        String sourceId = newTextCollection(client, namespaceId, "articles-text");

        CommandOutcome clone = client.clone(sourceId, namespaceId, "articles-text-v2", CollectionOverrides.none());

        assertThat(clone.collectionId()).startsWith("col_");
        assertThat(clone.version()).isZero();
        CollectionLineage lineage = client.lineage(namespaceId, clone.collectionId()).orElseThrow();
        assertThat(lineage.collectionName()).isEqualTo("articles-text-v2");
        assertThat(lineage.generation()).isEqualTo(1);
        assertThat(lineage.rootCollectionId()).isEqualTo(sourceId);
        assertThat(lineage.ancestors().entries()).singleElement()
                .satisfies(parent -> {
                    assertThat(parent.collectionId()).isEqualTo(sourceId);
                    assertThat(parent.depth()).isEqualTo(1);
                    assertThat(parent.sourceVersion()).isZero();
                });
        assertThat(client.lineage(namespaceId, "articles-text").orElseThrow().descendants().entries())
                .extracting(CollectionLineage.Descendant::collectionId).containsExactly(clone.collectionId());

        CollectionHistory history = client.history(namespaceId, clone.collectionId(), 0, 10).orElseThrow();
        assertThat(history.total()).isEqualTo(1);
        assertThat(history.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("CollectionCloned");
            assertThat(entry.changes()).containsEntry("source_collection_id", sourceId)
                    .containsEntry("collection_name", "articles-text-v2");
            assertThat(entry.actor()).isEqualTo(new CollectionHistory.Actor(null, null, SERVICE));
        });
    }

    @Test
    void whatTheLedgerRejectsArrivesAsItsTypedError() {
        CollectionLedgerClient client = new CollectionLedgerClient(SERVICE, commands, queries);
        String namespaceId = newNamespace(client);
        String otherNamespaceId = newNamespace(client);
        String sourceId = newTextCollection(client, namespaceId, "articles-text");
        client.clone(sourceId, namespaceId, "articles-copy", CollectionOverrides.none());

        LedgerException taken = catchThrowableOfType(LedgerException.class,
                () -> client.clone(sourceId, namespaceId, "articles-copy", CollectionOverrides.none()));
        assertThat(taken.error().kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);

        // Another namespace's collection is one this namespace does not have.
        LedgerException elsewhere = catchThrowableOfType(LedgerException.class,
                () -> client.clone(sourceId, otherNamespaceId, "articles-copy", CollectionOverrides.none()));
        assertThat(elsewhere.error().kind()).isEqualTo(ErrorKind.NOT_FOUND);

        LedgerException invalid = catchThrowableOfType(LedgerException.class,
                () -> client.send(new CreateNamespaceCommand(CollectionLedgerClient.newId("ns_"), "x", null,
                        List.of(new ExtractorRef("text_extractor", "v1")))));
        assertThat(invalid.error().kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(invalid.error().violations()).extracting(Violation::location)
                .containsExactly(List.of("namespace_name"));

        assertThat(client.lineage(otherNamespaceId, sourceId)).isEmpty();
        assertThat(client.history(otherNamespaceId, sourceId, 0, 10)).isEmpty();
    }

    @Test
    void aCloneRetriedWithItsIdempotencyKeyAnswersTheFirstClone() {
        CollectionLedgerClient client = new CollectionLedgerClient(SERVICE, commands, queries);
        String namespaceId = newNamespace(client);
        String sourceId = newTextCollection(client, namespaceId, "articles-text");
        String key = "clone-" + CollectionLedgerClient.newId("");

        CommandOutcome first = client.clone(sourceId, namespaceId, "articles-once", CollectionOverrides.none(), key);
        CommandOutcome retried = client.clone(sourceId, namespaceId, "articles-once", CollectionOverrides.none(), key);
        LedgerException reused = catchThrowableOfType(LedgerException.class,
                () -> client.clone(sourceId, namespaceId, "articles-other", CollectionOverrides.none(), key));

        assertThat(retried).isEqualTo(first);
        assertThat(reused.error().kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(client.lineage(namespaceId, sourceId).orElseThrow().descendants().entries()).hasSize(1);
    }

    /** Over Axon Server, messages and error details cross as JSON: the client's must read the ledger's. */
    @Test
    void theClientsSerializerReadsWhatTheLedgerWritesAndTheLedgerReadsTheClients() {
        CollectionLedgerClient client = new CollectionLedgerClient(SERVICE, commands, queries);
        String namespaceId = newNamespace(client);
        String sourceId = newTextCollection(client, namespaceId, "articles-text");
        CommandOutcome clone = client.clone(sourceId, namespaceId, "articles-clone",
                new CollectionOverrides("a clone", null, null, false, Map.of("team", "search"), null));
        Serializer clientMessages = LedgerSerializer.jackson();

        CloneCollectionCommand command = new CloneCollectionCommand(sourceId, namespaceId, "col_0123456789",
                "articles-clone-2", new CollectionOverrides("a clone", null, null, false, Map.of("team", "search"),
                null), 0L);
        assertThat(crossing(command, clientMessages, ledgerMessages)).isEqualTo(command);
        LedgerError error = new LedgerError(ErrorKind.VALIDATION, "name taken", Map.of("name", "articles-clone"),
                List.of(Violation.at("taken", "value_error", "collection_name")));
        assertThat(crossing(error, ledgerMessages, clientMessages)).isEqualTo(error);
        assertThat(crossing(clone, ledgerMessages, clientMessages)).isEqualTo(clone);
        // Results with instants and free-form maps: the same JSON once read and written again.
        CollectionLineage lineage = client.lineage(namespaceId, clone.collectionId()).orElseThrow();
        CollectionHistory history = client.history(namespaceId, clone.collectionId(), 0, 10).orElseThrow();
        for (Object result : List.of(lineage, history)) {
            String written = ledgerMessages.serialize(result, String.class).getData();
            Object read = crossing(result, ledgerMessages, clientMessages);
            assertThat(ledgerMessages.serialize(read, String.class).getData()).isEqualTo(written);
        }
        assertThat(crossing(lineage, ledgerMessages, clientMessages).ancestors().entries().get(0).clonedAt())
                .isEqualTo(lineage.ancestors().entries().get(0).clonedAt());
    }

    private static <T> T crossing(T message, Serializer writer, Serializer reader) {
        SerializedObject<byte[]> serialized = writer.serialize(message, byte[].class);
        return reader.deserialize(serialized);
    }

    private static String newNamespace(CollectionLedgerClient client) {
        String namespaceId = CollectionLedgerClient.newId("ns_");
        client.send(new CreateNamespaceCommand(namespaceId, "bus-client-" + namespaceId.substring(3), null,
                List.of(new ExtractorRef("text_extractor", "v1"))));
        return namespaceId;
    }

    /** A text collection over a new bucket {title: string, content: text}, once the read model shows it. */
    private String newTextCollection(CollectionLedgerClient client, String namespaceId, String name) {
        String bucketId = CollectionLedgerClient.newId("bkt_");
        client.send(new CreateBucketCommand(bucketId, namespaceId, "articles", null, new ObjectSchema(Map.of(
                "title", FieldSchema.of("string"), "content", FieldSchema.of("text"))), null));
        String collectionId = CollectionLedgerClient.newId("col_");
        CollectionConfig config = new CollectionConfig(null, SourceConfig.buckets(List.of(bucketId)),
                new FeatureExtractorConfig("text_extractor", "v1", null, Map.of("text", "content"), null, null),
                null, null, null);
        try (SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(
                new ViewVersionQuery(collectionId), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(Long.class))) {
            client.send(new CreateCollectionCommand(collectionId, namespaceId, name, config, null));
            Flux.concat(versions.initialResult(), versions.updates()).filter(version -> version >= 0)
                    .blockFirst(Duration.ofSeconds(10));
        }
        return collectionId;
    }
}
