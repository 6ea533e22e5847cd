package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.command.domain.Ids;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One namespace clone of 1,000 collections (half of them reading another collection of the namespace).
 * The time it takes is logged, not asserted: see README for the figures measured.
 *
 * <p>On a store of its own, not the one the {@link LedgerHttpTest} classes share: its 3,000 collections
 * would otherwise be replayed again by every later test of that store that asks for a replay.
 */
class NamespaceCloneScaleTest {

    private static final Logger log = LoggerFactory.getLogger(NamespaceCloneScaleTest.class);
    private static final int COLLECTIONS = 1_000;

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static CommandGateway commands;

    @BeforeAll
    static void startService() {
        app = new SpringApplicationBuilder(LedgerApplication.class).run(TestDatabase.freshStoreArguments(dataDir,
                "--server.port=0", "--ledger.bootstrap-api-key=" + LedgerHttpTest.ADMIN_KEY));
        commands = app.getBean(CommandGateway.class);
    }

    @AfterAll
    static void stopService() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aThousandCollectionsCloneInOneCall() {
        String source = unique("scale-source");
        assertThat(api().post("/v1/namespaces", Map.of("namespace_name", source, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        HttpApi api = api().inNamespace(source);
        String namespaceId = api.get("/v1/namespaces/" + source).text("namespace_id");
        HttpApi.Response articles = api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text")))));
        assertThat(articles.status()).as(articles.toString()).isEqualTo(200);
        String bucket = articles.text("bucket_id");
        // The fast path: commands straight to the bus, without waiting for the read model each time.
        List<String> tier1 = create(namespaceId, "articles", COLLECTIONS / 2, i -> SourceConfig.buckets(List.of(bucket)));
        create(namespaceId, "titles", COLLECTIONS / 2, i -> SourceConfig.collection(tier1.get(i)));
        awaitCollections(api);
        long start = System.nanoTime();
        String commandTarget = unique("scale-command");
        commands.sendAndWait(new CloneNamespaceCommand(namespaceId, Ids.next("ns_"), commandTarget, null, true));
        long commandMillis = (System.nanoTime() - start) / 1_000_000;
        awaitCollections(api().inNamespace(commandTarget));
        String target = unique("scale-http");
        start = System.nanoTime();
        HttpApi.Response cloned = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target));
        long httpMillis = (System.nanoTime() - start) / 1_000_000;

        log.info("cloned a namespace of {} collections: the command (one transaction) in {} ms; the HTTP call, "
                + "which also waits for the read model to show them all, in {} ms (read model: {})", COLLECTIONS,
                commandMillis, httpMillis, cloned.header("X-Read-Model-Status"));
        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(200);
        assertThat(cloned.at("cloned_resources.collections").asInt()).isEqualTo(COLLECTIONS);
        HttpApi copy = api().inNamespace(target);
        awaitCollections(copy);
        String lastTitlesClone = copy.get("/v1/collections/titles-" + (COLLECTIONS / 2 - 1)).text("source.collection_id");
        assertThat(lastTitlesClone).isEqualTo(copy.get("/v1/collections/articles-" + (COLLECTIONS / 2 - 1))
                .text("collection_id"));
    }

    private static HttpApi api() {
        return new HttpApi(((WebServerApplicationContext) app).getWebServer().getPort(), LedgerHttpTest.ADMIN_KEY);
    }

    /** Phases measured must not share the machine with the read model catching up on an earlier one. */
    private static void awaitCollections(HttpApi namespace) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                namespace.post("/v1/collections/list", Map.of()).at("total_count").asInt() == COLLECTIONS);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> create(String namespaceId, String prefix, int count,
                                java.util.function.IntFunction<SourceConfig> source) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "col_" + prefix.charAt(0) + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
            ids.add(id);
            FeatureExtractorConfig extractor = new FeatureExtractorConfig("text_extractor", "v1", null,
                    Map.of("text", prefix.equals("articles") ? "content" : "title"),
                    List.of(new FieldPassthrough("title", null, null, null)), false);
            sent.add(commands.send(new CreateCollectionCommand(id, namespaceId, prefix + "-" + i,
                    new CollectionConfig(null, source.apply(i), extractor, true, null, null), null)));
            if (sent.size() == 50) {
                sent.forEach(CompletableFuture::join);
                sent.clear();
            }
        }
        sent.forEach(CompletableFuture::join);
        return ids;
    }
}
