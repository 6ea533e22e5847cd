package com.collectionledger.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE of a namespace deletes everything in it, as Mixpeek's does: each bucket and live collection
 * gets its own deletion event, in the transaction of the namespace's, so nothing is left orphaned.
 */
class NamespaceDeletionTest extends LedgerHttpTest {

    private int events(String type, String aggregateId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                + "AND aggregate_identifier = ?", Integer.class, "%." + type, aggregateId);
        return count == null ? 0 : count;
    }

    @Test
    void deletionDeletesTheNamespaceWithItsBucketsAndCollections() {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        String namespaceId = api().get("/v1/namespaces/" + name).text("namespace_id");
        String bucket = newArticlesBucket(api, "articles");
        String empty = newArticlesBucket(api, "empty");
        String source = newTextCollection(api, "source", bucket);
        String dependent = api.post("/v1/collections", Map.of("collection_name", "dependent",
                "source", Map.of("type", "collection", "collection_id", source),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "text_extractor_v1_embedding")))).text("collection_id");
        String deletedBefore = newTextCollection(api, "deleted-before", bucket);
        assertThat(api.delete("/v1/collections/" + deletedBefore).status()).isEqualTo(200);

        HttpApi.Response deleted = api().delete("/v1/namespaces/" + name);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.at("success").asBoolean()).isTrue();
        assertThat(deleted.text("namespace_id")).isEqualTo(namespaceId);
        assertThat(List.of(deleted.text("deleted_bucket_ids.0"), deleted.text("deleted_bucket_ids.1")))
                .containsExactlyInAnyOrder(bucket, empty);
        assertThat(deleted.at("deleted_collection_ids").size()).isEqualTo(2);
        assertThat(deleted.at("deleted_collection_ids").toString()).contains(source, dependent)
                .doesNotContain(deletedBefore);

        assertThat(api().get("/v1/namespaces/" + name).status()).isEqualTo(404);
        assertThat(api().get("/v1/namespaces/" + namespaceId).status()).isEqualTo(404);
        assertThat(api.get("/v1/buckets/" + bucket).status()).as("X-Namespace of a deleted namespace").isEqualTo(404);
        assertThat(api().post("/v1/namespaces/list?limit=1000", Map.of()).at("results")
                .findValuesAsText("namespace_id")).doesNotContain(namespaceId);
        for (String id : List.of(source, dependent)) {
            assertThat(events("CollectionDeleted", id)).as(id).isEqualTo(1);
        }
        assertThat(events("CollectionDeleted", deletedBefore)).isEqualTo(1);
        assertThat(events("BucketDeleted", bucket)).isEqualTo(1);
        assertThat(events("BucketDeleted", empty)).isEqualTo(1);
        assertThat(events("NamespaceDeleted", namespaceId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_collection WHERE namespace_id = ? AND NOT deleted",
                Long.class, namespaceId)).as("no live collection left behind").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_bucket WHERE namespace_id = ?", Long.class,
                namespaceId)).as("no bucket left behind").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_collection WHERE namespace_id = ? AND NOT deleted",
                Long.class, namespaceId)).as("nor in the read model").isZero();
    }

    @Test
    void theNameOfADeletedNamespaceIsFreeAndTheNewOneStartsEmpty() {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        newTextCollection(api, "article_embeddings", newArticlesBucket(api, "articles"));
        assertThat(api().delete("/v1/namespaces/" + name).status()).isEqualTo(200);

        HttpApi.Response again = api().post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.at("bucket_count").asLong()).isZero();
        assertThat(again.at("collection_count").asLong()).isZero();
        assertThat(api.post("/v1/buckets/list", Map.of()).at("total_count").asInt()).isZero();
        assertThat(api.get("/v1/collections/article_embeddings").status()).isEqualTo(404);
        assertThat(newArticlesBucket(api, "articles")).as("the old bucket name is free too").isNotBlank();
    }

    @Test
    void createsRacingTheDeletionEitherCommitBeforeItAndAreDeletedWithItOrFail() throws Exception {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        String namespaceId = api().get("/v1/namespaces/" + name).text("namespace_id");
        String bucket = newArticlesBucket(api, "articles");
        List<Callable<HttpApi.Response>> calls = new ArrayList<>();
        calls.add(() -> api().delete("/v1/namespaces/" + namespaceId));
        for (int i = 0; i < 6; i++) {
            String suffix = String.valueOf(i);
            calls.add(() -> api.post("/v1/collections", textCollection("racer-" + suffix, bucket)));
            calls.add(() -> api.post("/v1/buckets", Map.of("bucket_name", "racer-" + suffix,
                    "bucket_schema", Map.of("properties", Map.of("a", Map.of("type", "string"))))));
        }

        List<HttpApi.Response> responses = Concurrently.run(calls);

        assertThat(responses.get(0).status()).as(responses.get(0).toString()).isEqualTo(200);
        for (HttpApi.Response create : responses.subList(1, responses.size())) {
            assertThat(create.status()).as(create.toString()).isIn(200, 404, 422);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_collection WHERE namespace_id = ? AND NOT deleted",
                Long.class, namespaceId)).as("no live collection in the deleted namespace").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_bucket WHERE namespace_id = ?", Long.class,
                namespaceId)).as("no bucket in the deleted namespace").isZero();
        long created = responses.subList(1, responses.size()).stream().filter(r -> r.status() == 200).count();
        assertThat(responses.get(0).at("deleted_collection_ids").size() + responses.get(0).at("deleted_bucket_ids").size())
                .as("what committed before the deletion was deleted with it").isEqualTo(created + 1);
    }

    @Test
    void deletingTwiceIsNotFound() {
        String name = newNamespace();
        assertThat(api().delete("/v1/namespaces/" + name).status()).isEqualTo(200);

        HttpApi.Response again = api().delete("/v1/namespaces/" + name);

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text("error.type")).isEqualTo("NotFoundError");
    }
}
