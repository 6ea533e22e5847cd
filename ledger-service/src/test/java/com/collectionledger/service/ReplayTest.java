package com.collectionledger.service;

import com.collectionledger.service.security.ApiKeyStore;
import com.collectionledger.service.security.Permission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model can be rebuilt from the event store while writes go on, and the rebuild equals the original. */
class ReplayTest extends LedgerHttpTest {

    @Autowired
    ApiKeyStore keys;

    @Test
    void replayRebuildsAnEqualReadModelAndKeepsWritesMadeDuringIt() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        for (int i = 0; i < 20; i++) {
            String id = newTextCollection(api, "coll-" + i, bucket);
            api.patch("/v1/collections/" + id, Map.of("description", "patched " + i));
            api.post("/v1/collections/" + id + "/clone", Map.of("collection_name", "coll-" + i + "-copy"));
        }
        api.delete("/v1/collections/coll-0-copy");
        String before = checksum();

        replayReadModel();
        assertThat(checksum()).as("a replay with no writes rebuilds the same model").isEqualTo(before);

        // Writes from another client while the replay runs.
        CompletableFuture<List<String>> writes = Background.start(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                HttpApi.Response clone = api.post("/v1/collections/coll-1/clone", Map.of("collection_name", "during-" + i));
                assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
                ids.add(clone.text("collection.collection_id"));
            }
            return ids;
        });
        HttpApi.Response started = api().post("/v1/admin/read-model/replay", Map.of());
        assertThat(started.status()).isEqualTo(202);
        List<String> written = writes.join();
        awaitReadModelLive();

        for (String id : written) {
            assertThat(api.get("/v1/collections/" + id).status()).isEqualTo(200);
        }
        String after = checksum();
        assertThat(after).isNotEqualTo(before);
        replayReadModel();
        assertThat(checksum()).as("the model with the writes is again what a replay gives").isEqualTo(after);
    }

    @Test
    void replayStatusReportsProgress() {
        HttpApi.Response status = api().get("/v1/admin/read-model/replay");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text("state")).isIn("live", "replaying");
        assertThat(status.at("head").asLong()).isGreaterThanOrEqualTo(status.at("position").asLong());
        assertThat(status.at("percent").asDouble()).isBetween(0.0, 100.0);
        assertThat(status.at("segments").asInt()).isEqualTo(16);
    }

    @Test
    void adminRoutesNeedAnAdminKey() {
        String secret = "sk_test_reader_0123456789abcdefghijklmnopqrs" + System.nanoTime();
        keys.store("reader", secret, Set.of(Permission.READ, Permission.WRITE), List.of("*"), null);
        HttpApi reader = new HttpApi(port, secret);
        assertThat(reader.post("/v1/admin/read-model/replay", Map.of()).status()).isEqualTo(403);
        assertThat(reader.get("/v1/admin/read-model/checksum").status()).isEqualTo(403);
        assertThat(reader.post("/v1/namespaces", Map.of("namespace_name", "not-mine")).status()).isEqualTo(403);
        assertThat(new HttpApi(port, null).get("/v1/admin/read-model/replay").status()).isEqualTo(401);
    }

    private String checksum() {
        HttpApi.Response digest = api().get("/v1/admin/read-model/checksum");
        assertThat(digest.status()).isEqualTo(200);
        return digest.text("checksum");
    }
}
