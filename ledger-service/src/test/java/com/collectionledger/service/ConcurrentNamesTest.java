package com.collectionledger.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Under any number of concurrent requests for one name, exactly one succeeds. */
class ConcurrentNamesTest extends LedgerHttpTest {

    private static final int REQUESTS = 16;

    @Test
    void concurrentClonesWithOneNameMakeExactlyOneClone() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String source = newTextCollection(api, "source", newArticlesBucket(api, "articles"));

        List<Integer> statuses = concurrently(() -> api.post("/v1/collections/" + source + "/clone",
                Map.of("collection_name", "the-one-clone")).status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 1);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"the-one-clone\"")).isEqualTo(1);
        assertThat(api.post("/v1/collections/list", Map.of("filters", Map.of("collection_name", "the-one-clone")))
                .at("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentCreatesWithOneNameMakeExactlyOneCollection() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");

        List<Integer> statuses = concurrently(() ->
                api.post("/v1/collections", textCollection("the-one-create", bucket)).status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 1);
        assertThat(storedEvents("CollectionCreated", "\"collectionName\":\"the-one-create\"")).isEqualTo(1);
    }

    @Test
    void concurrentClonesOfDifferentSourcesWithOneNameMakeExactlyOneClone() throws Exception {
        // Different sources lock different aggregates: only the directory's unique key can decide.
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            sources.add(newTextCollection(api, "source-" + i, bucket));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String source : sources) {
            calls.add(() -> api.post("/v1/collections/" + source + "/clone",
                    Map.of("collection_name", "contested")).status());
        }
        List<Integer> statuses = Concurrently.run(calls);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 1);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"contested\"")).isEqualTo(1);
    }

    @Test
    void concurrentChangesOfOneCollectionEitherApplyOrConflict() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newTextCollection(api, "contended", newArticlesBucket(api, "articles"));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String description = "writer " + i;
            calls.add(() -> api.patch("/v1/collections/" + id, Map.of("description", description)).status());
        }

        List<Integer> statuses = Concurrently.run(calls);

        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        long applied = statuses.stream().filter(s -> s == 200).count();
        assertThat(applied).isPositive();
        assertThat(api.get("/v1/collections/" + id).at("version").asLong()).isEqualTo(applied);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(applied + 1);
    }

    private static List<Integer> concurrently(Callable<Integer> call) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(call);
        }
        return Concurrently.run(calls);
    }
}
