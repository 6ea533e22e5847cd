package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionCloned;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/collections/{id}/lineage}: the clone chain up, the clone tree down, and the processing lineage. */
class LineageTest extends LedgerHttpTest {

    @Test
    void cloneOfACloneListsItsAncestorsNearestFirstWithTheVersionsCopied() {
        HttpApi api = api().inNamespace(newNamespace());
        String original = newTextCollection(api, "original", newArticlesBucket(api, "articles"));
        String child = clone(api, "original", "child");
        api.patch("/v1/collections/child", Map.of("description", "changed before it was cloned"));
        String grandchild = clone(api, "child", "grandchild");
        String great = clone(api, "grandchild", "great-grandchild");

        HttpApi.Response lineage = api.get("/v1/collections/great-grandchild/lineage?include_total=true");

        assertThat(lineage.status()).as(lineage.toString()).isEqualTo(200);
        assertThat(lineage.text("collection_id")).isEqualTo(great);
        assertThat(lineage.text("root_collection_id")).isEqualTo(original);
        assertThat(lineage.at("generation").asInt()).isEqualTo(3);
        assertThat(lineage.at("max_depth").asInt()).isEqualTo(100);
        assertThat(ids(lineage.at("ancestors.results"))).containsExactly(grandchild, child, original);
        assertThat(lineage.at("ancestors.results.0.depth").asInt()).isEqualTo(1);
        assertThat(lineage.text("ancestors.results.0.collection_name")).isEqualTo("grandchild");
        assertThat(lineage.at("ancestors.results.0.generation").asInt()).isEqualTo(2);
        assertThat(lineage.at("ancestors.results.1.source_version").asLong())
                .as("grandchild copied child after its PATCH").isEqualTo(1);
        assertThat(lineage.at("ancestors.results.2.source_version").asLong()).isZero();
        assertThat(lineage.text("ancestors.results.2.cloned_at"))
                .isEqualTo(api.get("/v1/collections/child").text("created_at"));
        assertThat(lineage.at("ancestors.results.2.deleted").asBoolean()).isFalse();
        assertThat(lineage.at("ancestors.truncated").asBoolean()).isFalse();
        assertThat(lineage.at("descendants.results").size()).isZero();
        assertThat(lineage.at("descendants.total_count").asLong()).isZero();

        HttpApi.Response down = api.get("/v1/collections/" + original + "/lineage?direction=descendants");
        assertThat(down.at("ancestors").isMissingNode()).isTrue();
        assertThat(ids(down.at("descendants.results"))).containsExactly(child, grandchild, great);
        assertThat(down.at("descendants.results.2.depth").asInt()).isEqualTo(3);
        assertThat(down.text("descendants.results.2.cloned_from")).isEqualTo(grandchild);
        assertThat(down.at("descendants.results.1.source_version").asLong()).isEqualTo(1);
        assertThat(api.get("/v1/collections/original/lineage?direction=ancestors").at("ancestors.results").size())
                .isZero();
    }

    @Test
    void descendantsComeBreadthFirstInIdOrderAndPage() {
        HttpApi api = api().inNamespace(newNamespace());
        newTextCollection(api, "root", newArticlesBucket(api, "articles"));
        List<String> children = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            children.add(clone(api, "root", "child-" + name));
        }
        List<String> grandchildren = new ArrayList<>(List.of(clone(api, "child-a", "grandchild-a1"),
                clone(api, "child-a", "grandchild-a2"), clone(api, "child-c", "grandchild-c1")));
        List<String> expected = new ArrayList<>(children.stream().sorted().toList());
        expected.addAll(grandchildren.stream().sorted().toList());

        HttpApi.Response all = api.get("/v1/collections/root/lineage?direction=descendants&limit=100&include_total=true");
        assertThat(ids(all.at("descendants.results"))).isEqualTo(expected);
        assertThat(all.at("descendants.total_count").asInt()).isEqualTo(6);
        for (JsonNode entry : all.at("descendants.results")) {
            String parent = entry.path("cloned_from").asText();
            if (entry.path("depth").asInt() == 1) {
                assertThat(entry.path("generation").asInt()).isEqualTo(1);
                assertThat(parent).isEqualTo(all.text("collection_id"));
            } else {
                assertThat(entry.path("generation").asInt()).isEqualTo(2);
                assertThat(children).contains(parent);
            }
        }

        List<String> paged = new ArrayList<>();
        HttpApi.Response page = api.get("/v1/collections/root/lineage?direction=descendants&limit=4");
        assertThat(page.at("descendants.pagination.total_pages").isNull()).as("not counted unless asked").isTrue();
        assertThat(page.at("descendants.total_count").isNull()).isTrue();
        assertThat(api.get("/v1/collections/root/lineage?direction=descendants&limit=4&include_total=true")
                .at("descendants.pagination.total_pages").asInt()).isEqualTo(2);
        paged.addAll(ids(page.at("descendants.results")));
        page = api.get("/v1/collections/root/lineage?direction=descendants&limit=4&cursor="
                + page.text("descendants.pagination.next_cursor"));
        paged.addAll(ids(page.at("descendants.results")));
        assertThat(page.at("descendants.pagination.next_cursor").isNull()).isTrue();
        assertThat(paged).isEqualTo(expected);
        assertThat(ids(api.get("/v1/collections/root/lineage?limit=2&offset=3").at("descendants.results")))
                .isEqualTo(expected.subList(3, 5));

        HttpApi.Response pastTheEnd = api.get("/v1/collections/root/lineage?offset=50&include_total=true");
        assertThat(pastTheEnd.at("descendants.results").size()).isZero();
        assertThat(pastTheEnd.at("descendants.total_count").asInt()).isEqualTo(6);

        HttpApi.Response subtree = api.get("/v1/collections/child-a/lineage");
        assertThat(ids(subtree.at("descendants.results")))
                .isEqualTo(grandchildren.subList(0, 2).stream().sorted().toList());
        assertThat(ids(subtree.at("ancestors.results"))).containsExactly(all.text("collection_id"));
    }

    @Test
    void deletedCollectionsStayInTheLineage() {
        HttpApi api = api().inNamespace(newNamespace());
        String original = newTextCollection(api, "original", newArticlesBucket(api, "articles"));
        String middle = clone(api, "original", "middle");
        String leaf = clone(api, "middle", "leaf");
        assertThat(api.delete("/v1/collections/middle").status()).isEqualTo(200);

        HttpApi.Response up = api.get("/v1/collections/leaf/lineage");
        assertThat(ids(up.at("ancestors.results"))).containsExactly(middle, original);
        assertThat(up.at("ancestors.results.0.deleted").asBoolean()).isTrue();
        assertThat(up.text("ancestors.results.0.collection_name")).isEqualTo("middle");
        assertThat(up.at("ancestors.results.1.deleted").asBoolean()).isFalse();

        HttpApi.Response down = api.get("/v1/collections/original/lineage");
        assertThat(ids(down.at("descendants.results"))).containsExactly(middle, leaf);
        assertThat(down.at("descendants.results.0.deleted").asBoolean()).isTrue();

        // A deleted collection's own lineage stays readable by its ID, like its history; its name is free.
        HttpApi.Response deleted = api.get("/v1/collections/" + middle + "/lineage");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("deleted").asBoolean()).isTrue();
        assertThat(ids(deleted.at("descendants.results"))).containsExactly(leaf);
        assertThat(api.get("/v1/collections/middle/lineage").status()).isEqualTo(404);
    }

    @Test
    void theDepthCapStopsBothWalksAndSaysSo() {
        HttpApi api = api().inNamespace(newNamespace());
        String g0 = newTextCollection(api, "gen0", newArticlesBucket(api, "articles"));
        String g1 = clone(api, "gen0", "gen1");
        String g2 = clone(api, "gen1", "gen2");
        String g3 = clone(api, "gen2", "gen3");
        String g4 = clone(api, "gen3", "gen4");

        HttpApi.Response up = api.get("/v1/collections/gen4/lineage?max_depth=2");
        assertThat(ids(up.at("ancestors.results"))).containsExactly(g3, g2);
        assertThat(up.at("ancestors.truncated").asBoolean()).isTrue();
        assertThat(ids(up.at("descendants.results"))).isEmpty();
        assertThat(up.at("descendants.truncated").asBoolean()).isFalse();
        HttpApi.Response exact = api.get("/v1/collections/gen4/lineage?max_depth=4");
        assertThat(ids(exact.at("ancestors.results"))).containsExactly(g3, g2, g1, g0);
        assertThat(exact.at("ancestors.truncated").asBoolean()).isFalse();

        HttpApi.Response down = api.get("/v1/collections/gen0/lineage?direction=descendants&max_depth=3"
                + "&include_total=true");
        assertThat(ids(down.at("descendants.results"))).containsExactly(g1, g2, g3);
        assertThat(down.at("descendants.total_count").asInt()).isEqualTo(3);
        assertThat(down.at("descendants.truncated").asBoolean()).isTrue();
        HttpApi.Response pastTheEnd = api.get("/v1/collections/gen0/lineage?max_depth=3&offset=10&include_total=true");
        assertThat(pastTheEnd.at("descendants.total_count").asInt()).isEqualTo(3);
        assertThat(pastTheEnd.at("descendants.truncated").asBoolean()).isTrue();
        HttpApi.Response whole = api.get("/v1/collections/gen0/lineage?max_depth=4&include_total=true");
        assertThat(whole.at("descendants.total_count").asInt()).isEqualTo(4);
        assertThat(whole.at("descendants.truncated").asBoolean()).isFalse();
    }

    @Test
    void theProcessingLineageComesWithTheCloneLineage() {
        HttpApi api = api().inNamespace(newNamespace());
        String articles = newTextCollection(api, "articles", newArticlesBucket(api, "articles"));
        HttpApi.Response titles = api.post("/v1/collections", Map.of("collection_name", "titles",
                "source", Map.of("type", "collection", "collection_id", articles),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "title"))));
        assertThat(titles.status()).as(titles.toString()).isEqualTo(200);
        clone(api, "titles", "titles-copy");

        HttpApi.Response lineage = api.get("/v1/collections/titles-copy/lineage");

        JsonNode processing = lineage.at("source_lineage");
        assertThat(processing).hasSize(2);
        assertThat(processing).isEqualTo(api.get("/v1/collections/titles-copy").at("source_lineage"));
        assertThat(processing.get(0).at("/feature_extractor/input_mappings/text").asText()).isEqualTo("content");
        assertThat(processing.get(1).at("/source_config/collection_id").asText()).isEqualTo(articles);
        assertThat(processing.get(1).at("/feature_extractor/input_mappings/text").asText()).isEqualTo("title");
        assertThat(lineage.text("ancestors.results.0.collection_name")).isEqualTo("titles");
    }

    @Test
    void anotherNamespacesOrUnknownCollectionIsNotFound() {
        HttpApi mine = api().inNamespace(newNamespace());
        String id = newTextCollection(mine, "private", newArticlesBucket(mine, "articles"));
        HttpApi other = api().inNamespace(newNamespace());

        for (HttpApi.Response response : List.of(other.get("/v1/collections/" + id + "/lineage"),
                other.get("/v1/collections/private/lineage"), mine.get("/v1/collections/col_zzzzzzzzzz/lineage"),
                mine.get("/v1/collections/nothing-here/lineage"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.at("success").asBoolean()).isFalse();
            assertThat(response.text("error.type")).isEqualTo("NotFoundError");
        }
        assertThat(mine.get("/v1/collections/" + id + "/lineage").status()).isEqualTo(200);
    }

    @Test
    void badParametersAre422() {
        HttpApi api = api().inNamespace(newNamespace());
        newTextCollection(api, "checked", newArticlesBucket(api, "articles"));

        Map<String, String> cases = Map.of(
                "direction=sideways", "direction",
                "max_depth=0", "max_depth",
                "max_depth=10001", "max_depth",
                "max_depth=deep", "max_depth",
                "limit=0", "limit",
                "limit=1001", "limit",
                "offset=-1", "offset",
                "cursor=not-a-cursor", "cursor");
        cases.forEach((query, parameter) -> {
            HttpApi.Response response = api.get("/v1/collections/checked/lineage?" + query);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(422);
            assertThat(response.text("error.type")).isEqualTo("ValidationError");
            assertThat(response.at("detail.0.loc").toString()).isEqualTo("[\"query\",\"" + parameter + "\"]");
        });
        assertThat(api.get("/v1/collections/checked/lineage?max_depth=10000&limit=1000").status()).isEqualTo(200);
    }

    /**
     * Clones of clones written at the same moment by several clients, each source chosen among what exists:
     * the ancestors and descendants read from the closure equal those found by following the clone links
     * (a walk deeper than the closure), for every collection of the tree.
     */
    @Test
    void theClosureAgreesWithTheCloneLinksAfterConcurrentClones() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        newTextCollection(api, "root", newArticlesBucket(api, "articles"));
        List<String> names = java.util.Collections.synchronizedList(new ArrayList<>(List.of("root")));
        int clients = 4;
        List<java.util.concurrent.Callable<Void>> calls = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int c = client;
            calls.add(() -> {
                Random random = new Random(c);
                for (int i = 0; i < 6; i++) {
                    String source = names.get(random.nextInt(names.size()));
                    String name = "clone-" + c + "-" + i;
                    clone(api, source, name);
                    names.add(name);
                }
                return null;
            });
        }
        Concurrently.run(calls);

        int beyondTheClosure = 1_000;
        for (String name : List.copyOf(names)) {
            HttpApi.Response closure = api.get("/v1/collections/" + name + "/lineage?limit=1000&include_total=true");
            HttpApi.Response walked = api.get("/v1/collections/" + name + "/lineage?limit=1000&include_total=true"
                    + "&max_depth=" + beyondTheClosure);
            assertThat(closure.at("ancestors")).as(name).isEqualTo(walked.at("ancestors"));
            assertThat(closure.at("descendants")).as(name).isEqualTo(walked.at("descendants"));
        }
        assertThat(api.get("/v1/collections/root/lineage?direction=descendants&include_total=true")
                .at("descendants.total_count").asInt()).isEqualTo(clients * 6);
    }

    /**
     * The shapes of the lineage benchmark, smaller: a chain deeper than the closure of nearest ancestors and a
     * tree of 5,000 clones, written straight into the views (with documents and closure rows like the real
     * ones) and removed again afterwards, so that other tests' read model stays what a replay would build.
     * Checks the answers of both the closure and the walks beyond it, and prints how long they took.
     */
    @Test
    void longChainsAndWideTreesAnswerCorrectly() {
        HttpApi api = api().inNamespace(newNamespace());
        String template = newTextCollection(api, "template", newArticlesBucket(api, "articles"));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM view_collection WHERE collection_id = ?", template);
        Random random = new Random();
        String prefix = "col_" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
        Synthetic synthetic = new Synthetic(row);
        try {
            int chain = 500;
            List<String> tree = new ArrayList<>();
            long started = System.nanoTime();
            // A chain: c0 <- c1 <- ... <- c499; link i copied version i % 7 of its source.
            for (int i = 0; i < chain; i++) {
                synthetic.add(id(prefix, "c", i), "chain-" + i, i == 0 ? null : id(prefix, "c", i - 1),
                        id(prefix, "c", 0), i, i % 7);
            }
            // A wide tree: t0 with 50 clones, each with 99 clones of its own: 5,000 descendants.
            String root = id(prefix, "t", 0);
            synthetic.add(root, "tree-0", null, root, 0, 0);
            int n = 1;
            for (int child = 0; child < 50; child++) {
                String childId = id(prefix, "t", n++);
                synthetic.add(childId, "tree-" + childId, root, root, 1, 0);
                tree.add("1 " + childId);
                for (int grandchild = 0; grandchild < 99; grandchild++) {
                    String grandchildId = id(prefix, "t", n++);
                    synthetic.add(grandchildId, "tree-" + grandchildId, childId, root, 2, 0);
                    tree.add("2 " + grandchildId);
                }
            }
            synthetic.flush();
            System.out.printf("lineage: inserted %d view rows in %d ms%n", synthetic.rows,
                    (System.nanoTime() - started) / 1_000_000);
            tree.sort(Comparator.naturalOrder());

            String last = id(prefix, "c", chain - 1);
            HttpApi.Response up = timed(api, "chain, all ancestors of the deepest",
                    "/v1/collections/" + last + "/lineage?direction=ancestors&max_depth=10000");
            JsonNode ancestors = up.at("ancestors.results");
            assertThat(ancestors.size()).isEqualTo(chain - 1);
            for (int depth = 1; depth < chain; depth++) {
                JsonNode entry = ancestors.get(depth - 1);
                assertThat(entry.path("depth").asInt()).isEqualTo(depth);
                assertThat(entry.path("collection_id").asText()).isEqualTo(id(prefix, "c", chain - 1 - depth));
                assertThat(entry.path("generation").asInt()).isEqualTo(chain - 1 - depth);
                assertThat(entry.path("source_version").asInt()).isEqualTo((chain - depth) % 7);
            }
            assertThat(up.at("ancestors.truncated").asBoolean()).isFalse();

            HttpApi.Response capped = timed(api, "chain, ancestors at the default cap",
                    "/v1/collections/" + last + "/lineage");
            assertThat(capped.at("ancestors.results").size()).isEqualTo(100);
            assertThat(capped.at("ancestors.results")).isEqualTo(firstOf(up.at("ancestors.results"), 100));
            assertThat(capped.at("ancestors.truncated").asBoolean()).isTrue();

            HttpApi.Response chainPage = timed(api, "chain, first page of descendants of the root",
                    "/v1/collections/" + id(prefix, "c", 0) + "/lineage?direction=descendants&limit=100");
            assertThat(chainPage.at("descendants.results").size()).isEqualTo(100);
            assertThat(chainPage.text("descendants.results.99.collection_id")).isEqualTo(id(prefix, "c", 100));
            assertThat(chainPage.at("descendants.truncated").asBoolean()).isTrue();
            assertThat(chainPage.at("descendants.total_count").isNull()).isTrue();

            HttpApi.Response down = timed(api, "chain, last page of descendants of the root",
                    "/v1/collections/" + id(prefix, "c", 0) + "/lineage?direction=descendants&max_depth=10000"
                            + "&limit=100&offset=" + (chain - 100) + "&include_total=true");
            assertThat(down.at("descendants.total_count").asInt()).isEqualTo(chain - 1);
            assertThat(down.at("descendants.results").size()).isEqualTo(99);
            assertThat(down.text("descendants.results.98.collection_id")).isEqualTo(last);
            assertThat(down.at("descendants.results.98.depth").asInt()).isEqualTo(chain - 1);
            assertThat(down.at("descendants.truncated").asBoolean()).isFalse();

            HttpApi.Response first = timed(api, "tree, first page of descendants",
                    "/v1/collections/" + root + "/lineage?direction=descendants&limit=1000&include_total=true");
            assertThat(first.at("descendants.total_count").asInt()).isEqualTo(tree.size());
            assertThat(entries(first.at("descendants.results"))).isEqualTo(tree.subList(0, 1000));

            // Page by page from the first: every descendant once, in order, the last page without a next.
            List<String> paged = new ArrayList<>(entries(first.at("descendants.results")));
            HttpApi.Response page = first;
            while (!page.at("descendants.pagination.next_cursor").isNull()) {
                page = api.get("/v1/collections/" + root + "/lineage?direction=descendants&limit=1000&cursor="
                        + page.text("descendants.pagination.next_cursor"));
                paged.addAll(entries(page.at("descendants.results")));
            }
            assertThat(paged).isEqualTo(tree);
            assertThat(page.at("descendants.pagination.page").asInt()).isEqualTo(tree.size() / 1000);

            HttpApi.Response middle = timed(api, "tree, a page in the middle by offset",
                    "/v1/collections/" + root + "/lineage?direction=descendants&limit=1000&offset=2000");
            assertThat(entries(middle.at("descendants.results"))).isEqualTo(tree.subList(2_000, 3_000));
            assertThat(middle.at("descendants.truncated").asBoolean()).isFalse();
            HttpApi.Response walked = timed(api, "tree, a page in the middle, walked beyond the closure",
                    "/v1/collections/" + root + "/lineage?direction=descendants&limit=1000&offset=2000&max_depth=500");
            assertThat(walked.at("descendants.results")).isEqualTo(middle.at("descendants.results"));

            HttpApi.Response shallow = timed(api, "tree, only the direct clones",
                    "/v1/collections/" + root + "/lineage?direction=descendants&max_depth=1&limit=1000"
                            + "&include_total=true");
            assertThat(shallow.at("descendants.total_count").asInt()).isEqualTo(50);
            assertThat(shallow.at("descendants.truncated").asBoolean()).isTrue();

            String leaf = tree.get(tree.size() - 1).substring(2);
            HttpApi.Response fromLeaf = timed(api, "tree, lineage of a leaf",
                    "/v1/collections/" + leaf + "/lineage?include_total=true");
            assertThat(fromLeaf.at("ancestors.results").size()).isEqualTo(2);
            assertThat(fromLeaf.text("ancestors.results.1.collection_id")).isEqualTo(root);
            assertThat(fromLeaf.at("descendants.total_count").asInt()).isZero();
        } finally {
            jdbc.update("DELETE FROM view_lineage WHERE descendant_id LIKE ?", prefix + "%");
            int removed = jdbc.update("DELETE FROM view_collection WHERE namespace_id = ? AND collection_id <> ?",
                    row.get("namespace_id"), template);
            System.out.printf("lineage: removed %d synthetic view rows%n", removed);
        }
    }

    /** Asks twice (the first call also warms up the JVM's code paths) and prints both times. */
    private static HttpApi.Response timed(HttpApi api, String what, String path) {
        long started = System.nanoTime();
        HttpApi.Response first = api.get(path);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        HttpApi.Response again = api.get(path);
        System.out.printf("lineage: %s: %d ms (first call %d ms)%n", what, (System.nanoTime() - started) / 1_000_000,
                firstMillis);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        return again;
    }

    /** IDs of the service's shape (col_ + 10 lowercase letters and digits), so they sort alike everywhere. */
    private static String id(String prefix, String kind, int n) {
        return prefix + kind + String.format("%07d", n);
    }

    private static JsonNode firstOf(JsonNode results, int n) {
        com.fasterxml.jackson.databind.node.ArrayNode first = HttpApi.JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            first.add(results.get(i));
        }
        return first;
    }

    private static List<String> entries(JsonNode results) {
        List<String> entries = new ArrayList<>();
        results.forEach(entry -> entries.add(entry.path("depth").asInt() + " " + entry.path("collection_id").asText()));
        return entries;
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(entry -> ids.add(entry.path("collection_id").asText()));
        return ids;
    }

    private static String clone(HttpApi api, String source, String name) {
        HttpApi.Response clone = api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", name));
        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        return clone.text("collection.collection_id");
    }

    /**
     * View rows written in JDBC batches, each a copy of a real row with its own ID, name and clone link, with
     * the closure rows the projection would write for it.
     */
    private final class Synthetic {

        private static final String INSERT = """
                INSERT INTO view_collection (collection_id, namespace_id, collection_name, description, enabled,
                    source_type, feature_extractor_id, cloned_from, cloned_from_version, cloned_at,
                    root_collection_id, generation, version, deleted, created_at, updated_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?, ?)""";
        private static final String CLOSURE = "INSERT INTO view_lineage (ancestor_id, distance, descendant_id)"
                + " VALUES (?, ?, ?)";

        private final Map<String, Object> template;
        private final ObjectNode document;
        private final Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
        private final List<Object[]> batch = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, List<String>> ancestries = new HashMap<>();
        private final List<Object[]> closure = new ArrayList<>();
        int rows;

        Synthetic(Map<String, Object> template) {
            this.template = template;
            try {
                this.document = (ObjectNode) HttpApi.JSON.readTree((String) template.get("document"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(String id, String name, String clonedFrom, String root, int generation, long sourceVersion) {
            Instant at = createdAt.plusSeconds(rows);
            ObjectNode doc = document.deepCopy();
            doc.put("collectionId", id).put("collectionName", name).put("version", 0)
                    .put("createdAt", at.toString()).put("updatedAt", at.toString());
            ObjectNode lineage = doc.putObject("lineage");
            if (clonedFrom == null) {
                lineage.putNull("clonedFrom");
            } else {
                lineage.putObject("clonedFrom").put("collectionId", clonedFrom)
                        .put("collectionName", names.get(clonedFrom)).put("sourceVersion", sourceVersion)
                        .put("clonedAt", at.toString());
            }
            lineage.put("rootCollectionId", root).put("generation", generation);
            names.put(id, name);
            List<String> ancestry = clonedFrom == null ? List.of()
                    : CollectionCloned.ancestryOfCloneOf(clonedFrom, ancestries.get(clonedFrom));
            ancestries.put(id, ancestry);
            for (int i = 0; i < ancestry.size(); i++) {
                closure.add(new Object[]{ancestry.get(i), i + 1, id});
            }
            batch.add(new Object[]{id, template.get("namespace_id"), name, template.get("description"),
                    template.get("enabled"), template.get("source_type"), template.get("feature_extractor_id"),
                    clonedFrom, clonedFrom == null ? null : sourceVersion, clonedFrom == null ? null : Timestamp.from(at),
                    root, generation, Timestamp.from(at), Timestamp.from(at), doc.toString()});
            rows++;
            if (batch.size() == 1000) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(INSERT, batch);
                batch.clear();
                jdbc.batchUpdate(CLOSURE, closure);
                closure.clear();
            }
        }
    }
}
