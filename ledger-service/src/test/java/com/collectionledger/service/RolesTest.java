package com.collectionledger.service;

import com.collectionledger.api.namespace.DeleteNamespaceCommand;
import com.collectionledger.command.config.CommandSideConfiguration;
import com.collectionledger.query.ReadModel;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Nodes by ledger.role. A query node runs the read model and the read routes on a store another node
 * wrote, with no command handler and no write route. A command node needs Axon Server (its writes answer
 * with a view only query nodes hold) and, as an unknown role, is refused at start without it.
 */
class RolesTest {

    private static final String KEY = "sk_test_roles_0123456789abcdefghijklmnopqrstuv";

    @TempDir
    Path dataDir;

    @Test
    void aQueryNodeReadsWhatAnotherNodeWroteAndHasNoWriteSide() {
        String[] store = TestDatabase.freshStoreArguments(dataDir, "--server.port=0", "--ledger.bootstrap-api-key=" + KEY);
        String collectionId;
        try (ConfigurableApplicationContext both = start(store)) {
            assertThat(api(both).post("/v1/namespaces", Map.of("namespace_name", "roles", "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status())
                    .isEqualTo(200);
            HttpApi api = api(both).inNamespace("roles");
            String bucketId = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                    Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))))
                    .text("bucket_id");
            collectionId = api.post("/v1/collections", LedgerHttpTest.textCollection("articles-text", bucketId))
                    .text("collection_id");
        }

        try (ConfigurableApplicationContext query = start(with(store, "--ledger.role=query"))) {
            AtomicReference<CommandResultMessage<?>> dispatched = new AtomicReference<>();
            query.getBean(CommandBus.class).dispatch(GenericCommandMessage.asCommandMessage(
                    new DeleteNamespaceCommand("ns_roles000001")), (command, result) -> dispatched.set(result));
            assertThat(dispatched.get().exceptionResult()).isInstanceOf(NoHandlerForCommandException.class);

            EventProcessingConfiguration processing = query.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessor(ReadModel.PROCESSING_GROUP)).get().matches(EventProcessor::isRunning);
            assertThat(processing.eventProcessor(CommandSideConfiguration.DIRECTORY_GROUP)).isEmpty();

            // The read model rebuilt by this node's processor, then read through its query handlers.
            assertThat(api(query).post("/v1/admin/read-model/replay", Map.of()).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api(query).get("/v1/admin/read-model/replay").text("state").equals("live"));
            HttpApi api = api(query).inNamespace("roles");
            HttpApi.Response collection = api.get("/v1/collections/" + collectionId);
            assertThat(collection.status()).as(collection.toString()).isEqualTo(200);
            // The extractor catalog answers its query here too: the features come from it.
            assertThat(api.get("/v1/collections/" + collectionId + "/features").text("features.0.feature_address"))
                    .isEqualTo("mixpeek://text_extractor@v1/embedding");
            assertThat(api.get("/v1/buckets/articles").status()).isEqualTo(200);
            assertThat(api.post("/v1/collections/list", Map.of()).at("pagination.total").asInt()).isEqualTo(1);
            assertThat(api(query).get("/v1/collections/features/extractors").status()).isEqualTo(200);

            // A write route is not there: 404 where no route has the path, 405 where a read route has it.
            HttpApi.Response create = api.post("/v1/collections",
                    LedgerHttpTest.textCollection("refused", "bkt_none"));
            assertThat(create.status()).as(create.toString()).isEqualTo(404);
            assertThat(create.text("error.type")).isEqualTo("NotFoundError");
            HttpApi.Response patch = api.patch("/v1/collections/" + collectionId, Map.of("description", "x"));
            assertThat(patch.status()).as(patch.toString()).isEqualTo(405);
            assertThat(patch.text("error.type")).isEqualTo("MethodNotAllowedError");
            assertThat(api.delete("/v1/buckets/articles").status()).isEqualTo(405);
            assertThat(api.post("/v1/collections/" + collectionId + "/clone", Map.of("collection_name", "c"))
                    .status()).isEqualTo(404);
        }
    }

    @Test
    void aCommandNodeWithoutAxonServerIsRefused() {
        String[] arguments = {"--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.role=command"};

        assertThatThrownBy(() -> start(arguments)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ledger.role=command needs Axon Server");
    }

    @Test
    void anUnknownRoleIsRefused() {
        String[] arguments = {"--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.role=reader"};

        assertThatThrownBy(() -> start(arguments)).isInstanceOf(IllegalStateException.class)
                .hasMessage("ledger.role (LEDGER_ROLE) is 'reader'; it must be command, query or both");
    }

    private static String[] with(String[] arguments, String... more) {
        return Stream.concat(Stream.of(arguments), Stream.of(more)).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext start(String[] arguments) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpApi(port, KEY);
    }
}
