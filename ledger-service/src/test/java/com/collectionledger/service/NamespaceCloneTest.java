package com.collectionledger.service;

import com.collectionledger.service.contract.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/namespaces/{namespace_identifier}/clone}: a new namespace with clones of the source's
 * buckets and collections, every source remapped to its clone, all in one transaction.
 */
class NamespaceCloneTest extends LedgerHttpTest {

    /** A namespace with a bucket, "frames" over it and "scenes" over frames; answers its name. */
    private String twoTierNamespace() {
        String name = newNamespace();
        HttpApi api = api().inNamespace(name);
        String frames = newTextCollection(api, "frames", newArticlesBucket(api, "videos"));
        HttpApi.Response scenes = api.post("/v1/collections", Map.of("collection_name", "scenes",
                "description", "scenes of the frames",
                "source", Map.of("type", "collection", "collection_id", frames),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "title"))));
        assertThat(scenes.status()).as(scenes.toString()).isEqualTo(200);
        return name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTwoTierPipelineArrivesWorkingAndReadingItsOwnClones() {
        String source = twoTierNamespace();
        HttpApi original = api().inNamespace(source);
        String target = unique("staging");

        HttpApi.Response cloned = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target));

        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(200);
        assertThat(cloned.header("X-Read-Model-Status")).isEqualTo("current");
        assertThat(cloned.text("status")).isEqualTo("ready");
        assertThat(cloned.text("source_namespace_id")).isEqualTo(original.get("/v1/namespaces/" + source)
                .text("namespace_id"));
        assertThat(cloned.text("namespace.namespace_name")).isEqualTo(target);
        assertThat(cloned.text("namespace.namespace_id")).startsWith("ns_").isNotEqualTo(cloned.text("source_namespace_id"));
        assertThat(cloned.at("namespace.feature_extractors"))
                .isEqualTo(api().get("/v1/namespaces/" + source).at("feature_extractors"));
        assertThat(cloned.at("cloned_resources.collections").asInt()).isEqualTo(2);
        assertThat(cloned.at("cloned_resources.buckets").asInt()).isEqualTo(1);
        assertThat(cloned.at("cloned_resources.retrievers").asInt()).isZero();

        HttpApi copy = api().inNamespace(target);
        String bucketClone = copy.get("/v1/buckets/videos").text("bucket_id");
        HttpApi.Response framesClone = copy.get("/v1/collections/frames");
        HttpApi.Response scenesClone = copy.get("/v1/collections/scenes");
        HttpApi.Response frames = original.get("/v1/collections/frames");
        HttpApi.Response scenes = original.get("/v1/collections/scenes");
        assertThat(bucketClone).isNotEqualTo(original.get("/v1/buckets/videos").text("bucket_id"));
        assertThat(framesClone.text("collection_id")).isNotEqualTo(frames.text("collection_id"));
        assertThat(framesClone.text("source.bucket_ids.0")).isEqualTo(bucketClone);
        assertThat(scenesClone.text("source.collection_id")).isEqualTo(framesClone.text("collection_id"));
        assertThat(scenesClone.at("input_schema")).isEqualTo(scenes.at("input_schema"));
        assertThat(scenesClone.at("output_schema")).isEqualTo(scenes.at("output_schema"));
        assertThat(scenesClone.text("description")).isEqualTo("scenes of the frames");
        assertThat(scenesClone.text("lineage.cloned_from.collection_id")).isEqualTo(scenes.text("collection_id"));
        assertThat(scenesClone.at("lineage.generation").asInt()).isEqualTo(1);
        assertThat(scenesClone.text("lineage.root_collection_id")).isEqualTo(scenes.text("collection_id"));
        // The original still reads its own sources.
        assertThat(original.get("/v1/collections/scenes").text("source.collection_id"))
                .isEqualTo(frames.text("collection_id"));
    }

    @Test
    void theCloneCarriesPayloadIndexesAndUniqueKeysAndItsCollectionsAreFoundByTheirClonedBucket() {
        String source = unique("indexed");
        List<Map<String, Object>> indexes = List.of(Map.of("field_name", "video_id", "type", "keyword",
                "field_schema", Map.of("is_tenant", true)));
        assertThat(api().post("/v1/namespaces", Map.of("namespace_name", source, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")),
                "payload_indexes", indexes, "auto_create_indexes", true)).status()).isEqualTo(200);
        HttpApi original = api().inNamespace(source);
        HttpApi.Response keyed = original.post("/v1/buckets", Map.of("bucket_name", "videos",
                "bucket_schema", Map.of("properties", Map.of("video_id", Map.of("type", "string"),
                        "title", Map.of("type", "string"), "content", Map.of("type", "text"))),
                "unique_key", Map.of("fields", List.of("video_id"), "default_policy", "upsert")));
        assertThat(keyed.status()).as(keyed.toString()).isEqualTo(200);
        String unkeyed = newArticlesBucket(original, "articles");
        newTextCollection(original, "video_text", keyed.text("bucket_id"));
        newTextCollection(original, "article_text", unkeyed);
        String target = unique("indexed-copy");

        HttpApi.Response cloned = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target));

        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(200);
        HttpApi.Response namespace = api().get("/v1/namespaces/" + target);
        assertThat(namespace.at("payload_indexes")).isEqualTo(api().get("/v1/namespaces/" + source)
                .at("payload_indexes"));
        assertThat(namespace.text("payload_indexes.0.field_name")).isEqualTo("video_id");
        assertThat(namespace.at("auto_create_indexes").asBoolean()).isTrue();
        assertThat(cloned.at("namespace.payload_indexes")).isEqualTo(namespace.at("payload_indexes"));
        HttpApi copy = api().inNamespace(target);
        HttpApi.Response videos = copy.get("/v1/buckets/videos");
        assertThat(videos.at("unique_key")).isEqualTo(keyed.at("unique_key"));
        assertThat(copy.get("/v1/buckets/articles").at("unique_key"))
                .isEqualTo(original.get("/v1/buckets/articles").at("unique_key"));

        HttpApi.Response byClonedBucket = copy.post("/v1/collections/list",
                Map.of("filters", Map.of("source.bucket_ids", videos.text("bucket_id"))));
        assertThat(byClonedBucket.at("total_count").asInt()).as(byClonedBucket.toString()).isEqualTo(1);
        assertThat(byClonedBucket.text("results.0.collection_id"))
                .isEqualTo(copy.get("/v1/collections/video_text").text("collection_id"));
        assertThat(copy.post("/v1/collections/list", Map.of("filters",
                Map.of("source.bucket_ids", keyed.text("bucket_id")))).at("total_count").asInt()).isZero();
    }

    @Test
    void theCloneOutlivesItsSourceNamespaceWithItsLineageAndItsBucketsKnowTheirReadersUntilItIsDeleted() {
        String source = twoTierNamespace();
        String target = unique("survivor");
        assertThat(api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target)).status())
                .isEqualTo(200);
        String original = api().inNamespace(source).get("/v1/collections/scenes").text("collection_id");
        HttpApi copy = api().inNamespace(target);
        String framesClone = copy.get("/v1/collections/frames").text("collection_id");

        assertThat(api().delete("/v1/namespaces/" + source).status()).isEqualTo(200);

        HttpApi.Response lineage = copy.get("/v1/collections/scenes/lineage");
        assertThat(lineage.status()).as(lineage.toString()).isEqualTo(200);
        assertThat(lineage.text("ancestors.results.0.collection_id")).isEqualTo(original);
        assertThat(lineage.at("ancestors.results.0.deleted").asBoolean()).isTrue();
        assertThat(lineage.at("ancestors.results.0.visible").asBoolean()).isTrue();
        assertThat(copy.get("/v1/collections/scenes").text("lineage.cloned_from.collection_id")).isEqualTo(original);
        // The cloned bucket's readers are the cloned collections, in the directory too.
        HttpApi.Response refused = copy.delete("/v1/buckets/videos");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("error.details.dependents.0.collection_id")).isEqualTo(framesClone);
        // The clone, made of cloned aggregates only, is deleted whole like any namespace.
        HttpApi.Response deleted = api().delete("/v1/namespaces/" + target);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.at("deleted_bucket_ids").size()).isEqualTo(1);
        assertThat(deleted.at("deleted_collection_ids").size()).isEqualTo(2);
    }

    @Test
    void lineageCrossesNamespacesAndShowsOnlyIdsOfCollectionsTheKeyMayNotSee() {
        String source = twoTierNamespace();
        String target = unique("fork");
        assertThat(api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target)).status())
                .isEqualTo(200);
        String original = api().inNamespace(source).get("/v1/collections/scenes").text("collection_id");
        String clone = api().inNamespace(target).get("/v1/collections/scenes").text("collection_id");

        HttpApi.Response seenByAll = api().inNamespace(target).get("/v1/collections/scenes/lineage");
        HttpApi.Response seenFromTheClone = reader(target).get("/v1/collections/scenes/lineage");
        HttpApi.Response seenFromTheOriginal = reader(source).get("/v1/collections/scenes/lineage");

        assertThat(seenByAll.text("ancestors.results.0.collection_id")).isEqualTo(original);
        assertThat(seenByAll.text("ancestors.results.0.collection_name")).isEqualTo("scenes");
        assertThat(seenByAll.at("ancestors.results.0.visible").asBoolean()).isTrue();
        assertThat(seenFromTheClone.status()).as(seenFromTheClone.toString()).isEqualTo(200);
        assertThat(seenFromTheClone.text("ancestors.results.0.collection_id")).isEqualTo(original);
        assertThat(seenFromTheClone.at("ancestors.results.0.collection_name").isNull()).isTrue();
        assertThat(seenFromTheClone.at("ancestors.results.0.visible").asBoolean()).isFalse();
        assertThat(seenFromTheOriginal.text("descendants.results.0.collection_id")).isEqualTo(clone);
        assertThat(seenFromTheOriginal.at("descendants.results.0.collection_name").isNull()).isTrue();
        assertThat(seenFromTheOriginal.at("descendants.results.0.visible").asBoolean()).isFalse();

        // History, from the event store, names the original only to keys that may use its namespace.
        JsonNode clonedBy = reader(target).get("/v1/collections/scenes/history").at("results.0.changes");
        assertThat(clonedBy.path("source_collection_id").asText()).isEqualTo(original);
        assertThat(clonedBy.path("source_visible").asBoolean()).isFalse();
        assertThat(clonedBy.has("source_collection_name")).isFalse();
        assertThat(clonedBy.has("source_version")).isFalse();
        JsonNode clonedForAll = api().inNamespace(target).get("/v1/collections/scenes/history").at("results.0.changes");
        assertThat(clonedForAll.path("source_collection_name").asText()).isEqualTo("scenes");
        assertThat(clonedForAll.has("source_visible")).isFalse();
    }

    @Test
    void aReplayRebuildsTheCloneAsItWas() {
        String source = twoTierNamespace();
        String target = unique("replayed");
        assertThat(api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target)).status())
                .isEqualTo(200);
        HttpApi copy = api().inNamespace(target);
        HttpApi.Response scenes = copy.get("/v1/collections/scenes");
        HttpApi.Response namespace = api().get("/v1/namespaces/" + target);
        String checksum = api().get("/v1/admin/read-model/checksum").text("checksum");

        replayReadModel();

        assertThat(api().get("/v1/admin/read-model/checksum").text("checksum")).isEqualTo(checksum);
        assertThat(copy.get("/v1/collections/scenes").body()).isEqualTo(scenes.body());
        assertThat(api().get("/v1/namespaces/" + target).body()).isEqualTo(namespace.body());
        assertThat(copy.get("/v1/buckets/videos").status()).isEqualTo(200);
    }

    /** A read key for one namespace only, in that namespace. */
    private HttpApi reader(String namespace) {
        return new HttpApi(port, api().post("/v1/api-keys", Map.of("name", "reader of " + namespace,
                "permissions", List.of("read"), "namespaces", List.of(namespace))).text("key")).inNamespace(namespace);
    }

    /** Both request examples of Mixpeek's CloneNamespaceRequest, as the document gives them. */
    @Test
    void mixpeeksRequestExamplesAreAccepted() {
        JsonNode examples = OpenApiDocument.mixpeek().node("/components/schemas/CloneNamespaceRequest/examples");
        assertThat(examples).hasSize(2);
        String source = twoTierNamespace();

        HttpApi.Response staging = api().post("/v1/namespaces/" + source + "/clone", examples.get(0));
        assertThat(staging.status()).as(staging.toString()).isEqualTo(200);
        assertThat(staging.text("namespace.namespace_name")).isEqualTo("production_staging");
        assertThat(staging.text("namespace.description")).isEqualTo("Staging clone with all data");
        assertThat(staging.at("cloned_resources.collections").asInt()).isEqualTo(2);

        HttpApi.Response fork = api().post("/v1/namespaces/" + source + "/clone", examples.get(1));
        assertThat(fork.status()).as(fork.toString()).isEqualTo(200);
        assertThat(fork.text("namespace.namespace_name")).isEqualTo("ml_experiment");
        assertThat(fork.at("cloned_resources.collections").asInt()).isEqualTo(2);
        assertThat(fork.at("cloned_resources.retrievers").asInt()).isZero();
    }

    @Test
    void collectionsCanBeLeftOutAndTheDescriptionReplaced() {
        String source = twoTierNamespace();
        String target = unique("buckets-only");

        HttpApi.Response cloned = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target,
                "description", "only the buckets", "include_resources", Map.of("collections", false,
                        "retrievers", true, "taxonomies", true)));

        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(200);
        assertThat(cloned.text("namespace.description")).isEqualTo("only the buckets");
        assertThat(cloned.at("cloned_resources.collections").asInt()).isZero();
        assertThat(cloned.at("cloned_resources.buckets").asInt()).isEqualTo(1);
        assertThat(cloned.at("cloned_resources.taxonomies").asInt()).isZero();
        HttpApi copy = api().inNamespace(target);
        assertThat(copy.post("/v1/collections/list", Map.of()).at("total_count").asInt()).isZero();
        assertThat(copy.get("/v1/buckets/videos").status()).isEqualTo(200);
    }

    @Test
    void concurrentClonesToOneNameMakeExactlyOneNamespaceAndNothingOfTheOthers() throws Exception {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(twoTierNamespace());
        }
        String target = unique("contested");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String source : sources) {
            calls.add(() -> api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", target))
                    .status());
        }

        List<Integer> statuses = Concurrently.run(calls);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(sources.size() - 1);
        assertThat(stored("namespace.NamespaceCloned", "\"namespaceName\":\"" + target + "\"")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_namespace WHERE namespace_name = ?", Integer.class,
                target)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_namespace WHERE namespace_name = ?", Integer.class,
                target)).isEqualTo(1);
        // Of all the sources' buckets and collections, only the winner's were cloned: the losers left nothing.
        int bucketClones = 0;
        int collectionClones = 0;
        for (String source : sources) {
            HttpApi api = api().inNamespace(source);
            bucketClones += stored("bucket.BucketCloned", "\"sourceBucketId\":\""
                    + api.get("/v1/buckets/videos").text("bucket_id") + "\"");
            for (String collection : List.of("frames", "scenes")) {
                collectionClones += stored("collection.CollectionCloned", "\"sourceCollectionId\":\""
                        + api.get("/v1/collections/" + collection).text("collection_id") + "\"");
            }
        }
        assertThat(bucketClones).isEqualTo(1);
        assertThat(collectionClones).isEqualTo(2);
        String namespaceId = api().get("/v1/namespaces/" + target).text("namespace_id");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dir_collection WHERE namespace_id = ?", Integer.class,
                namespaceId)).isEqualTo(2);
    }

    @Test
    void theSourceMustBeAKnownNamespaceTheKeyMayUse() {
        String team = "team" + UUID.randomUUID().toString().substring(0, 6);
        String inScope = team + "_prod";
        for (String name : List.of(inScope)) {
            assertThat(api().post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status())
                    .isEqualTo(200);
        }
        String outOfScope = twoTierNamespace();
        HttpApi scopedAdmin = new HttpApi(port, api().post("/v1/api-keys", Map.of("name", "team admin",
                "permissions", List.of("admin"), "namespaces", List.of(team + "_*"))).text("key"));
        HttpApi writer = new HttpApi(port, api().post("/v1/api-keys", Map.of("name", "team writer",
                "permissions", List.of("read", "write"), "namespaces", List.of("*"))).text("key"));

        HttpApi.Response outside = scopedAdmin.post("/v1/namespaces/" + outOfScope + "/clone",
                Map.of("namespace_name", team + "_copy"));
        HttpApi.Response notAdmin = writer.post("/v1/namespaces/" + inScope + "/clone",
                Map.of("namespace_name", team + "_copy"));
        HttpApi.Response unknown = api().post("/v1/namespaces/no-such-namespace/clone",
                Map.of("namespace_name", unique("nowhere")));
        HttpApi.Response inside = scopedAdmin.post("/v1/namespaces/" + inScope + "/clone",
                Map.of("namespace_name", team + "_staging"));

        // As for reading it: a namespace the key may not use is as if it did not exist.
        assertThat(outside.status()).as(outside.toString()).isEqualTo(404);
        assertThat(outside.text("error.type")).isEqualTo("NotFoundError");
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.text("error.type")).isEqualTo("NotFoundError");
        assertThat(inside.status()).as(inside.toString()).isEqualTo(200);
        assertThat(api().get("/v1/namespaces/" + team + "_copy").status()).isEqualTo(404);
    }

    @Test
    void badRequestsAreClearErrorsAndMakeNothing() {
        String source = twoTierNamespace();
        String taken = newNamespace();
        long namespacesBefore = namespaces();

        HttpApi.Response invalidName = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", "x"));
        HttpApi.Response idLike = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", "ns_abc"));
        HttpApi.Response missing = api().post("/v1/namespaces/" + source + "/clone", Map.of());
        HttpApi.Response otherOrg = api().post("/v1/namespaces/" + source + "/clone",
                Map.of("namespace_name", unique("org"), "source_organization_id", "org_abc123"));
        HttpApi.Response nameTaken = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", taken));
        HttpApi.Response wrongType = api().post("/v1/namespaces/" + source + "/clone", Map.of("namespace_name", 5));
        HttpApi.Response wrongResources = api().post("/v1/namespaces/" + source + "/clone",
                Map.of("namespace_name", unique("typed"), "include_resources", "all"));

        for (HttpApi.Response response : List.of(invalidName, idLike, missing, otherOrg, wrongType, wrongResources)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.text("error.type")).isEqualTo("ValidationError");
            assertThat(response.at("detail")).isNotEmpty();
        }
        assertThat(invalidName.text("detail.0.loc.1")).isEqualTo("namespace_name");
        assertThat(otherOrg.text("detail.0.loc.1")).isEqualTo("source_organization_id");
        assertThat(nameTaken.status()).as(nameTaken.toString()).isEqualTo(409);
        assertThat(nameTaken.text("error.type")).isEqualTo("AlreadyExistsError");
        assertThat(namespaces()).isEqualTo(namespacesBefore);
    }

    private long namespaces() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dir_namespace", Long.class);
    }

    /** How many stored events of {@code com.collectionledger.api.<type>} mention {@code text}. */
    private int stored(String type, String text) {
        return (int) jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type = ?", byte[].class,
                        "com.collectionledger.api." + type).stream()
                .map(String::new).filter(payload -> payload.contains(text)).count();
    }
}
