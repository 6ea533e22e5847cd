package com.collectionledger.service;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code postgres,axonserver} profile against a real Axon Server: a command-role node and a
 * query-role node on one PostgreSQL database, messages routed by the server; then the query node
 * stops, and a write on the command node is still stored and answered ({@code behind}). Runs when
 * {@code AXON_SERVER} names a reachable server (host:port of its gRPC port, e.g. {@code localhost:8124};
 * {@code AXON_SERVER_TOKEN} when it has access control), and is skipped otherwise:
 * <pre>AXON_SERVER=localhost:8124 mvn -B -pl ledger-service -am verify -Dtest=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AxonServerIT</pre>
 */
class AxonServerIT {

    private static final String KEY = "sk_test_axonserver_0123456789abcdefghijklmnop";
    private static final String SERVER = System.getenv("AXON_SERVER");

    @Test
    void commandAndQueryNodesServeTheWalkAndBusCallersGetTypedErrors() throws Exception {
        Assumptions.assumeTrue(SERVER != null && !SERVER.isBlank(),
                "skipped: AXON_SERVER is not set (set it to a reachable Axon Server, e.g. localhost:8124)");
        String[] store = Stream.concat(TestDatabase.freshPostgresDatabase().entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue()),
                Stream.of("--spring.profiles.active=postgres,axonserver", "--server.port=0",
                        "--axon.axonserver.servers=" + SERVER,
                        "--axon.axonserver.token=" + System.getenv().getOrDefault("AXON_SERVER_TOKEN", ""),
                        "--ledger.bootstrap-api-key=" + KEY)).toArray(String[]::new);
        try (ConfigurableApplicationContext command = start(store, "command");
             ConfigurableApplicationContext query = start(store, "query")) {
            HttpApi writes = api(command);
            HttpApi reads = api(query);
            String namespace = "axs-" + UUID.randomUUID().toString().substring(0, 8);
            HttpApi.Response created = writes.post("/v1/namespaces", Map.of("namespace_name", namespace,
                    "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            String namespaceId = created.text("namespace_id");
            HttpApi namespacedWrites = writes.inNamespace(namespace);
            String bucketId = namespacedWrites.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                    Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))))
                    .text("bucket_id");
            HttpApi.Response source = namespacedWrites.post("/v1/collections",
                    LedgerHttpTest.textCollection("articles-text", bucketId));
            assertThat(source.status()).as(source.toString()).isEqualTo(200);
            assertThat(source.header("X-Read-Model-Status")).as("read-your-writes through Axon Server's query bus")
                    .isEqualTo("current");
            String sourceId = source.text("collection_id");

            HttpApi.Response clone = namespacedWrites.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", "articles-text-v2"));
            assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
            assertThat(clone.header("X-Read-Model-Status")).isEqualTo("current");
            String cloneId = clone.text("collection.collection_id");
            HttpApi.Response lineage = reads.inNamespace(namespace).get("/v1/collections/" + cloneId + "/lineage");
            assertThat(lineage.status()).as(lineage.toString()).isEqualTo(200);
            assertThat(lineage.body().toString()).contains(sourceId);

            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                racers.add(() -> namespacedWrites.post("/v1/collections/" + sourceId + "/clone",
                        Map.of("collection_name", "raced")).status());
            }
            List<Integer> statuses = Concurrently.run(racers);
            assertThat(statuses).as("one name, one winner; the losers get 409, never 500")
                    .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);

            // The query node has no command handler: its gateway reaches the command node through the server.
            CommandExecutionException unknown = catchThrowableOfType(CommandExecutionException.class,
                    () -> query.getBean(CommandGateway.class).sendAndWait(new CloneCollectionCommand("col_missing001",
                            namespaceId, "col_zz" + UUID.randomUUID().toString().substring(0, 8), "nowhere",
                            CollectionOverrides.none(), null)));
            assertThat(unknown).isNotNull();
            assertThat(unknown.getDetails()).get().isInstanceOfSatisfying(LedgerError.class,
                    error -> assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND));

            // With no query node connected a write is still stored: it answers from the event store, behind.
            query.close();
            HttpApi.Response unseen = namespacedWrites.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", "unseen"));
            assertThat(unseen.status()).as(unseen.toString()).isEqualTo(201);
            assertThat(unseen.header("X-Read-Model-Status")).isEqualTo("behind");
            assertThat(unseen.text("collection.collection_name")).isEqualTo("unseen");
            HttpApi.Response taken = namespacedWrites.post("/v1/collections/" + sourceId + "/clone",
                    Map.of("collection_name", "unseen"));
            assertThat(taken.status()).as("the name is taken: the first write was stored").isEqualTo(409);
        }
    }

    private static ConfigurableApplicationContext start(String[] store, String role) {
        String[] arguments = Stream.concat(Stream.of(store), Stream.of("--ledger.role=" + role,
                "--axon.axonserver.component-name=collection-ledger-" + role)).toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort(), KEY);
    }
}
