package com.collectionledger.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on create and clone: retries never duplicate, even two at once. */
class IdempotencyTest extends LedgerHttpTest {

    private HttpApi api;
    private String bucket;

    @BeforeEach
    void namespace() {
        api = api().inNamespace(newNamespace());
        bucket = newArticlesBucket(api, "articles");
    }

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheFirstAnswerAndStoresNothing() {
        HttpApi keyed = api.with("Idempotency-Key", "create-" + UUID.randomUUID());
        HttpApi.Response first = keyed.post("/v1/collections", textCollection("once", bucket));
        HttpApi.Response retry = keyed.post("/v1/collections", textCollection("once", bucket));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents("CollectionCreated", first.text("collection_id"))).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAValidationError() {
        HttpApi keyed = api.with("Idempotency-Key", "clone-" + UUID.randomUUID());
        String source = newTextCollection(api, "source", bucket);
        assertThat(keyed.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "copy-a")).status())
                .isEqualTo(201);

        HttpApi.Response other = keyed.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "copy-b"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("error.type")).isEqualTo("ValidationError");
        assertThat(other.at("detail.0.loc").toString()).isEqualTo("[\"header\",\"Idempotency-Key\"]");
        assertThat(api.get("/v1/collections/copy-b").status()).isEqualTo(404);
    }

    @Test
    void twoIdenticalRequestsAtOnceStoreOneEvent() throws Exception {
        String source = newTextCollection(api, "source", bucket);
        HttpApi keyed = api.with("Idempotency-Key", "race-" + UUID.randomUUID());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpApi.Response>> calls = List.of(1, 2, 3, 4).stream()
                .map(i -> Background.start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return keyed.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "raced"));
                })).toList();
        start.countDown();

        List<HttpApi.Response> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allMatch(r -> r.status() == 201);
        assertThat(responses.stream().map(r -> r.text("collection.collection_id")).distinct()).hasSize(1);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"raced\"")).isEqualTo(1);
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsRetryRuns() {
        HttpApi keyed = api.with("Idempotency-Key", "fix-" + UUID.randomUUID());
        assertThat(keyed.post("/v1/collections", textCollection("x", bucket)).status()).isEqualTo(422);
        assertThat(keyed.post("/v1/collections", textCollection("fixed-name", bucket)).status()).isEqualTo(200);
        assertThat(api.with("Idempotency-Key", "bad key with spaces").post("/v1/collections",
                textCollection("other", bucket)).status()).isEqualTo(400);
    }
}
