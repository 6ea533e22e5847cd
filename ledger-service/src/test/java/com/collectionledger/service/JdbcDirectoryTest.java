package com.collectionledger.service;

import com.collectionledger.command.directory.JdbcDirectory;
import com.collectionledger.command.domain.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads of the command side's directory that were two statements and are one, on the real stores. */
class JdbcDirectoryTest extends LedgerHttpTest {

    @Autowired
    JdbcDirectory directory;

    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * The namespace lock and the read of the row it guards ({@link JdbcDirectory#lockedNamespace}, with which a
     * create re-checks its namespace's extractors) wait for a transaction that holds the row and answer what it
     * committed, as the lock and a read after it did.
     */
    @Test
    void aLockedReadWaitsForTheTransactionHoldingTheRowAndSeesWhatItCommitted() throws Exception {
        String namespaceId = api().get("/v1/namespaces/" + newNamespace()).text("namespace_id");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE dir_namespace SET feature_extractors = '[]' WHERE namespace_id = ?", namespaceId);
            changed.countDown();
            awaitQuietly(commit);
        }));
        assertThat(changed.await(60, TimeUnit.SECONDS)).isTrue();

        Future<Optional<Directory.NamespaceEntry>> locked = threads.submit(() ->
                transaction.execute(status -> directory.lockedNamespace(namespaceId)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> sessionsWaitingForALock() > 0);
        commit.countDown();
        holder.get(60, TimeUnit.SECONDS);

        assertThat(locked.get(60, TimeUnit.SECONDS).orElseThrow().featureExtractors()).isEmpty();
    }

    @Test
    void aLiveCollectionIsFoundByItsIdOrItsNameAndADeletedOneByNeither() {
        String namespace = newNamespace();
        String namespaceId = api().get("/v1/namespaces/" + namespace).text("namespace_id");
        HttpApi api = api().inNamespace(namespace);
        String bucket = newArticlesBucket(api, "articles");
        String live = newTextCollection(api, "live-one", bucket);
        String deleted = newTextCollection(api, "deleted-one", bucket);
        assertThat(api.delete("/v1/collections/" + deleted).status()).isEqualTo(200);

        assertThat(directory.liveCollectionId(namespaceId, live)).contains(live);
        assertThat(directory.liveCollectionId(namespaceId, "live-one")).contains(live);
        assertThat(directory.liveCollectionId(namespaceId, deleted)).isEmpty();
        assertThat(directory.liveCollectionId(namespaceId, "deleted-one")).isEmpty();
        assertThat(directory.liveCollectionId(namespaceId, "no-such-one")).isEmpty();
        assertThat(directory.liveCollectionId("ns_elsewhere", live)).as("another namespace's").isEmpty();
    }

    private int sessionsWaitingForALock() {
        String sql = TestDatabase.POSTGRES
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        + " AND query LIKE '%dir_namespace%FOR UPDATE%'"
                : "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL"
                        + " AND executing_statement LIKE '%dir_namespace%FOR UPDATE%'";
        Integer waiting = jdbc.queryForObject(sql, Integer.class);
        return waiting == null ? 0 : waiting;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
