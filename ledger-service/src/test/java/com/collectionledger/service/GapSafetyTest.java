package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

        CompletableFuture<HttpApi.Response> late = Background.start(
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

        CompletableFuture<HttpApi.Response> stuck = Background.start(
                () -> api.post("/v1/collections", textCollection(LateCommitGate.PREFIX + "-stuck", bucket)));
        gate.awaitHeld();
        int held = heldAppendingSession();
        // Past ledger.store.idle-in-transaction-timeout (10 s) PostgreSQL ends the session: wait for that.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?", Long.class, held) == 0);
        gate.open();

        HttpApi.Response response = stuck.join();
        assertThat(response.status()).as("the store cut the transaction off: retry later").isEqualTo(503);
        assertThat(response.text("error.type")).isEqualTo("ServiceUnavailableError");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(storedEvents("CollectionCreated", LateCommitGate.PREFIX + "-stuck")).isZero();
        assertThat(api.get("/v1/collections/" + LateCommitGate.PREFIX + "-stuck").status()).isEqualTo(404);
        assertThat(newTextCollection(api, LateCommitGate.PREFIX.replace("-", "_") + "-after", bucket)).isNotBlank();
    }

    /** The PostgreSQL backend whose transaction appended an event and now waits at the gate. */
    private int heldAppendingSession() {
        return jdbc.queryForObject("""
                SELECT a.pid FROM pg_stat_activity a
                JOIN pg_locks l ON l.pid = a.pid JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'domain_event_entry' AND l.mode = 'RowExclusiveLock'
                  AND a.state = 'idle in transaction' AND a.datname = current_database()""", Integer.class);
    }
}
