package com.collectionledger.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write that succeeded never answers an error. The read model is held back on purpose (a handler
 * of its processor waits at a gate), so no write can become visible within the read-your-writes
 * timeout: each write still answers 2xx with what it stored, rebuilt from the event store, and
 * says that the read model is behind. Once the gate opens the read model catches up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.read-your-writes-timeout=300ms")
@Import(ReadModelBehindTest.GateConfiguration.class)
// A context no other class can share (its own store and beans): closed after the class, so that its processor
// does not go on polling its store while the rest of the suite runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadModelBehindTest {

    private static final Map<String, String> STORE = TestDatabase.freshStoreInTemporaryDirectory("ledger-behind-test");

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        // A data directory of its own: another context on the shared one would compete for the segments.
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("ledger.bootstrap-api-key", () -> LedgerHttpTest.ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReadModelGate gate;

    private HttpApi admin;
    private HttpApi api;
    private String namespace;
    private String bucket;

    @BeforeEach
    void namespaceAndBucket() {
        admin = new HttpApi(port, LedgerHttpTest.ADMIN_KEY);
        namespace = "behind-" + System.identityHashCode(this);
        assertThat(admin.post("/v1/namespaces", namespaceRequest(namespace)).status()).isEqualTo(200);
        api = admin.inNamespace(namespace);
        bucket = api.post("/v1/buckets", bucketRequest("articles")).text("bucket_id");
    }

    @AfterEach
    void openGate() {
        gate.open();
    }

    @Test
    void createWhileTheReadModelIsBehindAnswersTheStoredCollection() {
        gate.close();

        HttpApi.Response created = api.post("/v1/collections", LedgerHttpTest.textCollection("held-new", bucket));

        assertBehind(created, 200);
        assertThat(created.text("collection_name")).isEqualTo("held-new");
        assertThat(created.at("version").asLong()).isZero();
        assertThat(created.at("output_schema.properties").has("text_extractor_v1_embedding")).isTrue();
        String id = created.text("collection_id");
        assertThat(api.get("/v1/collections/" + id).status()).as("the read model is held back").isEqualTo(404);

        gate.open();
        assertThat(awaitVisible(id).body()).isEqualTo(withoutStatus(created));
    }

    @Test
    void cloneWhileTheReadModelIsBehindAnswers201WithTheMergedConfiguration() {
        String source = created("source");
        gate.close();

        HttpApi.Response cloned = api.post("/v1/collections/" + source + "/clone",
                Map.of("collection_name", "held-clone", "enabled", false));

        assertBehind(cloned, 201);
        assertThat(cloned.text("source_collection_id")).isEqualTo(source);
        assertThat(cloned.text("collection.lineage.cloned_from.collection_id")).isEqualTo(source);
        assertThat(cloned.at("collection.enabled").asBoolean()).isFalse();
        assertThat(cloned.text("collection.feature_extractor.feature_extractor_id")).isEqualTo("text_extractor_v1");

        gate.open();
        assertThat(awaitVisible(cloned.text("collection.collection_id")).body()).isEqualTo(cloned.at("collection"));
    }

    @Test
    void patchWhileTheReadModelIsBehindAnswersTheNewVersion() {
        String id = created("patched");
        gate.close();

        HttpApi.Response patched = api.patch("/v1/collections/" + id, Map.of("description", "while behind"));

        assertBehind(patched, 200);
        assertThat(patched.at("version").asLong()).isEqualTo(1);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        assertThat(patched.text("description")).isEqualTo("while behind");
        assertThat(api.get("/v1/collections/" + id).at("version").asLong()).as("the read model is held back")
                .isZero();

        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/collections/" + id).at("version").asLong() == 1);
        assertThat(api.get("/v1/collections/" + id).body()).isEqualTo(withoutStatus(patched));
    }

    @Test
    void deleteWhileTheReadModelIsBehindAnswers200() {
        String id = created("deleted");
        gate.close();

        HttpApi.Response deleted = api.delete("/v1/collections/" + id);

        assertBehind(deleted, 200);
        assertThat(deleted.text("collection_id")).isEqualTo(id);
        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/collections/" + id).status() == 404);
    }

    @Test
    void namespaceAndBucketCreatedWhileTheReadModelIsBehindAreAnswered() {
        gate.close();

        HttpApi.Response namespace = admin.post("/v1/namespaces", namespaceRequest("held-namespace"));
        HttpApi.Response bucketCreated = api.post("/v1/buckets", bucketRequest("held-bucket"));

        assertBehind(namespace, 200);
        assertThat(namespace.text("namespace_name")).isEqualTo("held-namespace");
        assertThat(namespace.text("namespace_id")).startsWith("ns_");
        assertBehind(bucketCreated, 200);
        assertThat(bucketCreated.text("bucket_name")).isEqualTo("held-bucket");
        assertThat(bucketCreated.at("bucket_schema.properties.title.type").asText()).isEqualTo("string");

        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/v1/namespaces/" + namespace.text("namespace_id")).status() == 200
                        && api.get("/v1/buckets/" + bucketCreated.text("bucket_id")).status() == 200);
        assertThat(admin.get("/v1/namespaces/held-namespace").body()).isEqualTo(withoutStatus(namespace));
    }

    @Test
    void templateCaptureAndInstantiationWhileTheReadModelIsBehindAreAnswered() {
        // Visible before the gate closes, however long that takes on a busy machine.
        String source = awaitVisible(api.post("/v1/collections", LedgerHttpTest.textCollection("template-source",
                bucket)).text("collection_id")).text("collection_id");
        gate.close();

        HttpApi.Response template = api.post("/v1/templates/collections/from-collection/" + source,
                Map.of("template_name", "held template"));
        assertBehind(template, 201);
        assertThat(template.text("source_resource_id")).isEqualTo(source);
        String templateId = template.text("template_id");
        HttpApi.Response made = api.post("/v1/templates/collections/" + templateId + "/instantiate",
                Map.of("collection_name", "held-instance"));
        assertBehind(made, 201);
        assertThat(made.text("collection_name")).isEqualTo("held-instance");
        assertThat(made.text("template_id")).isEqualTo(templateId);

        gate.open();
        assertThat(awaitVisible(made.text("collection_id")).text("lineage.from_template.template_id"))
                .isEqualTo(templateId);
        assertThat(api.get("/v1/templates/collections/" + templateId).text("name")).isEqualTo("held template");
    }

    @Test
    void namespaceAndBucketChangedWhileTheReadModelIsBehindAreAnswered() {
        String namespaceId = admin.get("/v1/namespaces/" + namespace).text("namespace_id");
        gate.close();

        HttpApi.Response namespace = admin.patch("/v1/namespaces/" + namespaceId, Map.of("description", "held"));
        HttpApi.Response renamed = api.put("/v1/buckets/" + bucket, Map.of("bucket_name", "held-articles"));

        assertBehind(namespace, 200);
        assertThat(namespace.text("description")).isEqualTo("held");
        assertThat(namespace.body().has("bucket_count")).as("not counted from the event store").isFalse();
        assertBehind(renamed, 200);
        assertThat(renamed.text("bucket_name")).isEqualTo("held-articles");
        assertThat(renamed.text("status")).isEqualTo("ACTIVE");

        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/buckets/held-articles").status() == 200
                        && admin.get("/v1/namespaces/" + namespaceId).text("description").equals("held"));
        assertThat(api.get("/v1/buckets/held-articles").body()).isEqualTo(withoutStatus(renamed));
    }

    @Test
    void namespaceCloneAndChangesOfTheCloneWhileTheReadModelIsBehindAreAnswered() {
        gate.close();

        HttpApi.Response cloned = admin.post("/v1/namespaces/" + namespace + "/clone",
                Map.of("namespace_name", "held-clone"));
        HttpApi.Response changed = admin.patch("/v1/namespaces/held-clone", Map.of("description", "held"));
        HttpApi.Response renamed = admin.inNamespace("held-clone").put("/v1/buckets/articles",
                Map.of("bucket_name", "held-articles"));

        assertBehind(cloned, 200);
        assertThat(cloned.text("namespace.namespace_name")).isEqualTo("held-clone");
        assertThat(cloned.at("namespace.bucket_count").asLong()).isEqualTo(1);
        assertThat(cloned.at("cloned_resources.buckets").asInt()).isEqualTo(1);
        assertBehind(changed, 200);
        assertThat(changed.text("description")).isEqualTo("held");
        assertThat(changed.text("namespace_name")).isEqualTo("held-clone");
        assertBehind(renamed, 200);
        assertThat(renamed.text("bucket_name")).isEqualTo("held-articles");

        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.inNamespace("held-clone").get("/v1/buckets/held-articles").status() == 200
                        && "held".equals(admin.get("/v1/namespaces/held-clone").text("description")));
    }

    @Test
    void bucketAndNamespaceDeletedWhileTheReadModelIsBehindAnswer200() {
        String doomed = api.post("/v1/buckets", bucketRequest("doomed")).text("bucket_id");
        assertThat(admin.post("/v1/namespaces", namespaceRequest("held-doomed")).status()).isEqualTo(200);
        gate.close();

        HttpApi.Response bucketDeleted = api.delete("/v1/buckets/" + doomed);
        HttpApi.Response namespaceDeleted = admin.delete("/v1/namespaces/held-doomed");

        assertBehind(bucketDeleted, 200);
        assertThat(bucketDeleted.text("bucket_name")).isEqualTo("doomed");
        assertBehind(namespaceDeleted, 200);
        assertThat(namespaceDeleted.text("namespace_name")).isEqualTo("held-doomed");
        gate.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/buckets/" + doomed).status() == 404);
    }

    @Test
    void writesAnswerThatTheReadModelIsCurrentWhenItIs() {
        HttpApi.Response created = api.post("/v1/collections", LedgerHttpTest.textCollection("current", bucket));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("X-Read-Model-Status")).isEqualTo("current");
        assertThat(created.body().has("read_model_status")).isFalse();
        assertThat(api.get("/v1/collections/current").body()).isEqualTo(created.body());
    }

    private String created(String name) {
        HttpApi.Response response = api.post("/v1/collections", LedgerHttpTest.textCollection(name, bucket));
        assertThat(response.header("X-Read-Model-Status")).as(response.toString()).isEqualTo("current");
        return response.text("collection_id");
    }

    private static void assertBehind(HttpApi.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("X-Read-Model-Status")).isEqualTo("behind");
        assertThat(response.text("read_model_status")).isEqualTo("behind");
    }

    private HttpApi.Response awaitVisible(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/collections/" + id).status() == 200);
        return api.get("/v1/collections/" + id);
    }

    private static ObjectNode withoutStatus(HttpApi.Response response) {
        ObjectNode body = response.body().deepCopy();
        body.remove("read_model_status");
        return body;
    }

    private static Map<String, Object> namespaceRequest(String name) {
        return Map.of("namespace_name", name, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")));
    }

    private static Map<String, Object> bucketRequest(String name) {
        return Map.of("bucket_name", name, "bucket_schema", Map.of("properties",
                Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"))));
    }

    @TestConfiguration
    static class GateConfiguration {
        @Bean
        ReadModelGate readModelGate() {
            return new ReadModelGate();
        }
    }

    /** A handler of the read model's processor that, while closed, holds every event it sees. */
    @ProcessingGroup("read-model")
    static class ReadModelGate {

        private volatile CountDownLatch open = new CountDownLatch(0);

        void close() {
            open = new CountDownLatch(1);
        }

        void open() {
            open.countDown();
        }

        /** Every event of the read model's processor passes here, in its transaction. */
        @EventHandler
        void on(Object event) throws InterruptedException {
            if (!open.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }
}
