package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events commit out of global-index order under concurrency. One appending transaction is held
 * open while later ones commit: the read model must still end with every event (the late one
 * included), and on PostgreSQL a transaction held past the idle timeout is cut off, not committed late.
 */
class GapSafetyTest extends LedgerHttpTest {

    @Autowired
    LateCommitGate gate;

    @Test
    void eventCommittedAfterLaterOnesStillReachesTheReadModel() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        gate.close();

        CompletableFuture<HttpApi.Response> late = CompletableFuture.supplyAsync(
                () -> api.post("/v1/collections", textCollection(LateCommitGate.PREFIX + "-1", bucket)));
        gate.awaitHeld();
        long heldIndex = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);

        List<String> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(newTextCollection(api, "committed-first-" + i, bucket));
        }
        assertThat(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class))
                .as("later events committed beyond the held one").isGreaterThan(heldIndex);
        gate.open();

        HttpApi.Response created = late.join();
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(api.get("/v1/collections/" + LateCommitGate.PREFIX + "-1").status()).isEqualTo(200);
        for (String id : later) {
            assertThat(api.get("/v1/collections/" + id).status()).isEqualTo(200);
        }
        assertThat(api.post("/v1/collections/list", Map.of()).at("total_count").asInt()).isEqualTo(6);
    }

    @Test
    void transactionHeldPastTheIdleTimeoutIsCutOffAndStoresNothing() throws Exception {
        assumeTrue(TestDatabase.POSTGRES, "a PostgreSQL session setting");
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        gate.close();

        CompletableFuture<HttpApi.Response> stuck = CompletableFuture.supplyAsync(
                () -> api.post("/v1/collections", textCollection(LateCommitGate.PREFIX + "-stuck", bucket)));
        gate.awaitHeld();
        // Longer than ledger.store.idle-in-transaction-timeout (10 s): PostgreSQL ends the session.
        Thread.sleep(11_000);
        gate.open();

        HttpApi.Response response = stuck.join();
        assertThat(response.status()).isEqualTo(500);
        assertThat(storedEvents("CollectionCreated", LateCommitGate.PREFIX + "-stuck")).isZero();
        assertThat(api.get("/v1/collections/" + LateCommitGate.PREFIX + "-stuck").status()).isEqualTo(404);
        assertThat(newTextCollection(api, LateCommitGate.PREFIX.replace("-", "_") + "-after", bucket)).isNotBlank();
    }
}
