package com.collectionledger.service;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.command.domain.Ids;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every failure a bus caller can meet, committing included, arrives as a CommandExecutionException whose
 * details are the typed LedgerError, with nothing of the store in it; and so over Axon Server too.
 */
class BusFailuresTest extends LedgerHttpTest {

    private static final int RACERS = 8;
    private static final Pattern STORE_TEXT = Pattern.compile(
            "(?i)insert|select|duplicate key|unique index|constraint|sql|[0-9a-f]{32}");

    @Autowired
    CommandGateway commands;

    @Autowired
    CommandBus commandBus;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Test
    void losersOfANameRaceGetAlreadyExists() throws Exception {
        Source source = newSource();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            calls.add(() -> outcomeOf(() -> commands.sendAndWait(new CloneCollectionCommand(source.id(),
                    source.namespaceId(), Ids.next("col_"), "raced-name", CollectionOverrides.none()))));
        }

        List<Object> outcomes = Concurrently.run(calls);

        assertThat(outcomes).filteredOn(o -> !(o instanceof LedgerError)).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof LedgerError).hasSize(RACERS - 1)
                .allSatisfy(o -> assertThat(((LedgerError) o).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
    }

    @Test
    void losersOfAVersionRaceGetConflict() throws Exception {
        Source source = newSource();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String description = "writer " + i;
            calls.add(() -> outcomeOf(() -> commands.sendAndWait(new UpdateCollectionCommand(source.id(),
                    source.namespaceId(), null, description, null, null, null, null))));
        }

        List<Object> outcomes = Concurrently.run(calls);

        assertThat(outcomes).filteredOn(o -> o instanceof LedgerError)
                .allSatisfy(o -> assertThat(((LedgerError) o).kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(outcomes).filteredOn(o -> !(o instanceof LedgerError)).isNotEmpty();
    }

    @Test
    void anUnknownSourceIsNotFound() {
        Source source = newSource();

        LedgerError error = failure(new CloneCollectionCommand("col_unknown001", source.namespaceId(),
                Ids.next("col_"), "of-nothing", CollectionOverrides.none()));

        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.details()).containsEntry("resource", "collection").containsEntry("identifier", "col_unknown001");
    }

    @Test
    void aReusedNewIdAlreadyExists() {
        Source source = newSource();

        LedgerError clone = failure(new CloneCollectionCommand(source.id(), source.namespaceId(), source.otherId(),
                "same-id", CollectionOverrides.none()));
        LedgerError itself = failure(new CloneCollectionCommand(source.id(), source.namespaceId(), source.id(),
                "same-id", CollectionOverrides.none()));
        LedgerError namespace = failure(new CreateNamespaceCommand(source.namespaceId(), "reused-" + source.id(),
                null, List.of(new ExtractorRef("text_extractor", "v1"))));

        assertThat(clone.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
        assertThat(clone.details()).containsEntry("identifier", source.otherId());
        assertThat(itself.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
        assertThat(namespace.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    }

    @Test
    void malformedIdsAreRefusedBeforeTheStore() {
        Source source = newSource();
        String tooLong = "col_" + "a".repeat(40);

        LedgerError missing = failure(new CloneCollectionCommand(source.id(), source.namespaceId(), null,
                "no-id", CollectionOverrides.none()));
        LedgerError chosen = failure(new CloneCollectionCommand(source.id(), source.namespaceId(), "NOT-AN-ID!",
                "chosen-id", CollectionOverrides.none()));
        LedgerError longNew = failure(new CloneCollectionCommand(source.id(), source.namespaceId(), tooLong,
                "long-id", CollectionOverrides.none()));
        LedgerError longTarget = failure(new UpdateCollectionCommand(tooLong, source.namespaceId(), null, "d",
                null, null, null, null));
        LedgerError nullNamespace = failure(new UpdateCollectionCommand(source.id(), null, null, "d",
                null, null, null, null));

        assertThat(List.of(missing, chosen, longNew, longTarget, nullNamespace))
                .allSatisfy(error -> assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION));
        assertThat(missing.violations().get(0).location()).containsExactly("new_collection_id");
        assertThat(chosen.violations().get(0).location()).containsExactly("new_collection_id");
        assertThat(longNew.violations().get(0).location()).containsExactly("new_collection_id");
        assertThat(longTarget.violations().get(0).location()).containsExactly("collection_id");
        assertThat(nullNamespace.violations().get(0).location()).containsExactly("namespace_id");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                Integer.class, "NOT-AN-ID!", tooLong)).isZero();
    }

    @Test
    void theTypedErrorOfAFailedCommitSurvivesAxonServer() {
        Source source = newSource();
        CompletableFuture<CommandResultMessage<?>> handled = new CompletableFuture<>();
        // As Axon Server's connector hands a command to this service's local segment...
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(new CloneCollectionCommand(source.id(),
                        source.namespaceId(), source.otherId(), "same-id", CollectionOverrides.none())),
                (command, result) -> handled.complete(result));
        CommandResultMessage<?> result = handled.join();

        // ...and sends the result back to the dispatching process, which reads it.
        CommandSerializer connector = new CommandSerializer(messageSerializer, new AxonServerConfiguration());
        CommandResponse response = connector.serialize(result, "request-1");
        CommandResultMessage<?> received = connector.deserialize(response);

        assertThat(response.getErrorMessage().toString()).doesNotContainPattern(STORE_TEXT);
        assertThat(received.isExceptional()).isTrue();
        assertThat(received.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        Object details = ((CommandExecutionException) received.exceptionResult()).getDetails().orElseThrow();
        assertThat(details).isInstanceOf(LedgerError.class);
        assertThat(((LedgerError) details).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
        assertThat(((LedgerError) details).details()).containsEntry("identifier", source.otherId());
    }

    /** A collection, and another one of its namespace. */
    private record Source(String id, String namespaceId, String otherId) {
    }

    private Source newSource() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String id = newTextCollection(api, "source", bucket);
        String other = newTextCollection(api, "other", bucket);
        return new Source(id, api.get("/v1/collections/" + id).text("namespace_id"), other);
    }

    /** The typed error the command failed with; and nothing of the store in anything the caller got. */
    private LedgerError failure(Object command) {
        CommandExecutionException failure = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(command));
        assertThat(failure).as("a CommandExecutionException for " + command).isNotNull();
        assertNoStoreText(failure);
        assertThat(failure.getDetails()).containsInstanceOf(LedgerError.class);
        return (LedgerError) failure.getDetails().orElseThrow();
    }

    /** The result, or the typed error of a CommandExecutionException. */
    private static Object outcomeOf(Callable<Object> call) throws Exception {
        try {
            return call.call();
        } catch (CommandExecutionException e) {
            assertNoStoreText(e);
            return e.getDetails().orElseThrow();
        }
    }

    private static void assertNoStoreText(CommandExecutionException failure) {
        List<String> seen = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            seen.add(t.getClass().getName() + ": " + t.getMessage());
        }
        seen.add(String.valueOf(failure.getDetails().orElse(null)));
        assertThat(String.join("\n", seen)).doesNotContainPattern(STORE_TEXT);
    }
}
