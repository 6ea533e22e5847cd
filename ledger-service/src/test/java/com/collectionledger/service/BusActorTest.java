package com.collectionledger.service;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service on the bus names itself on its commands, and the events they cause record it as an HTTP
 * request's events record its API key; a bus command that names no service is recorded as sent by an
 * unknown one.
 */
class BusActorTest extends LedgerHttpTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    private HttpApi api;
    private String namespaceId;
    private String source;

    @BeforeEach
    void sourceCollection() {
        api = api().inNamespace(newNamespace());
        source = newTextCollection(api, "bus-actor-source", newArticlesBucket(api, "articles"));
        namespaceId = api.get("/v1/collections/" + source).text("namespace_id");
    }

    @Test
    void theEventsOfABusCommandAndTheirHistoryNameTheServiceThatSentIt() {
        String cloneId = newCollectionId();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(clone(cloneId, "by-indexer"))
                .andMetaData(Map.of(AuditMetadata.ACTOR_SERVICE, "search-indexer")));

        assertThat(metaData(cloneId)).singleElement().satisfies(metaData -> {
            assertThat(metaData).containsEntry(AuditMetadata.ACTOR_SERVICE, "search-indexer");
            assertThat(metaData).doesNotContainKeys(AuditMetadata.ACTOR_KEY_ID, AuditMetadata.ACTOR_NAME);
        });
        JsonNode actor = api.get("/v1/collections/" + cloneId + "/history").at("results.0.actor");
        assertThat(actor.path("service").asText()).isEqualTo("search-indexer");
        assertThat(actor.path("key_id").isNull()).isTrue();
    }

    @Test
    void aBusCommandThatNamesNoServiceIsRecordedAsSentByAnUnknownOne() {
        String cloneId = newCollectionId();
        commands.sendAndWait(clone(cloneId, "by-nobody"));

        assertThat(metaData(cloneId)).singleElement().satisfies(metaData -> assertThat(metaData)
                .containsEntry(AuditMetadata.ACTOR_SERVICE, AuditMetadata.UNKNOWN_SERVICE));
        assertThat(api.get("/v1/collections/" + cloneId + "/history").at("results.0.actor").path("service").asText())
                .isEqualTo("unknown");
    }

    @Test
    void aServiceNameNoEventCouldRecordIsRefusedAndNothingIsStored() {
        String cloneId = newCollectionId();
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(clone(cloneId, "by-long"))
                .andMetaData(Map.of(AuditMetadata.ACTOR_SERVICE, "s".repeat(129)))))
                .isInstanceOfSatisfying(CommandExecutionException.class, failure -> {
                    LedgerError error = (LedgerError) failure.getDetails().orElseThrow();
                    assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
                    assertThat(error.violations().get(0).location()).containsExactly(AuditMetadata.ACTOR_SERVICE);
                });
        assertThat(metaData(cloneId)).isEmpty();
    }

    @Test
    void anHttpRequestsEventsNameItsKeyAndNoService() {
        assertThat(metaData(source)).singleElement().satisfies(metaData -> {
            assertThat(metaData.get(AuditMetadata.ACTOR_KEY_ID)).asString().startsWith("key_");
            assertThat(metaData).doesNotContainKey(AuditMetadata.ACTOR_SERVICE);
        });
        JsonNode actor = api.get("/v1/collections/" + source + "/history").at("results.0.actor");
        assertThat(actor.path("name").asText()).isEqualTo("bootstrap");
        assertThat(actor.path("service").isNull()).isTrue();
    }

    private CloneCollectionCommand clone(String cloneId, String name) {
        return new CloneCollectionCommand(source, namespaceId, cloneId, name, CollectionOverrides.none());
    }

    private List<MetaData> metaData(String aggregateId) {
        List<MetaData> metaData = new ArrayList<>();
        eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getMetaData).forEach(metaData::add);
        return metaData;
    }

    private static String newCollectionId() {
        return "col_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
