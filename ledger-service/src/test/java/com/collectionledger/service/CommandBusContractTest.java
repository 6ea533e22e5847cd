package com.collectionledger.service;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionQuery;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import com.collectionledger.api.query.ViewVersionQuery;
import reactor.core.publisher.Flux;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a service compiling against shared-api sees on the buses: the same rules, typed failures. */
class CommandBusContractTest extends LedgerHttpTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Test
    void domainFailuresArriveAsTypedDetails() {
        CommandExecutionException failure = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new CreateNamespaceCommand("ns_bus0000001", "x",
                        null, List.of(new ExtractorRef("text_extractor", "v1")))));

        assertThat(failure).isNotNull();
        LedgerError error = (LedgerError) failure.getDetails().orElseThrow();
        assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(error.violations().get(0).location()).containsExactly("namespace_name");
    }

    @Test
    void cloneDispatchedOnTheBusIsServedOnTheQueryBus() {
        HttpApi api = api().inNamespace(newNamespace());
        String source = newTextCollection(api, "bus-source", newArticlesBucket(api, "articles"));
        String namespaceId = api.get("/v1/collections/" + source).text("namespace_id");

        // A bus client that wants read-your-writes subscribes to the view's version before sending.
        SubscriptionQueryResult<Long, Long> versions = queries.subscriptionQuery(
                new ViewVersionQuery("col_bus0000001"), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(Long.class));
        CommandOutcome outcome = commands.sendAndWait(new CloneCollectionCommand(source, namespaceId,
                "col_bus0000001", "bus-clone", CollectionOverrides.none()));
        Long visible = Flux.concat(versions.initialResult(), versions.updates())
                .filter(version -> version >= outcome.version()).blockFirst(Duration.ofSeconds(10));
        versions.close();
        assertThat(visible).isZero();

        assertThat(outcome).isEqualTo(new CommandOutcome("col_bus0000001", 0));
        CommandExecutionException taken = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new CloneCollectionCommand(source, namespaceId, "col_bus0000002",
                        "bus-clone", CollectionOverrides.none())));
        assertThat(((LedgerError) taken.getDetails().orElseThrow()).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
        Optional<CollectionView> view = queries.query(new FindCollectionQuery(namespaceId, "col_bus0000001"),
                ResponseTypes.optionalInstanceOf(CollectionView.class)).join();
        assertThat(view).isPresent();
        assertThat(view.get().lineage().clonedFrom().collectionId()).isEqualTo(source);
    }
}
