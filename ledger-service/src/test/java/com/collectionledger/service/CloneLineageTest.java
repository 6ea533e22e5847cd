package com.collectionledger.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every clone records where it came from, through generations, renames and deletions. */
class CloneLineageTest extends LedgerHttpTest {

    @Test
    void cloneOfACloneKeepsTheRootAndCountsGenerations() {
        HttpApi api = api().inNamespace(newNamespace());
        String original = newTextCollection(api, "original", newArticlesBucket(api, "articles"));
        HttpApi.Response child = api.post("/v1/collections/original/clone", Map.of("collection_name", "child"));
        HttpApi.Response grandchild = api.post("/v1/collections/child/clone", Map.of("collection_name", "grandchild"));

        assertThat(child.status()).isEqualTo(201);
        assertThat(grandchild.status()).isEqualTo(201);
        assertThat(grandchild.text("source_collection_id")).isEqualTo(child.text("collection.collection_id"));
        assertThat(grandchild.text("collection.lineage.cloned_from.collection_name")).isEqualTo("child");
        assertThat(grandchild.text("collection.lineage.root_collection_id")).isEqualTo(original);
        assertThat(grandchild.at("collection.lineage.generation").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/collections/original").at("lineage.cloned_from").isNull()).isTrue();
        assertThat(api.get("/v1/collections/original").at("lineage.generation").asInt()).isZero();
    }

    @Test
    void cloneRecordsTheSourceVersionItCopied() {
        HttpApi api = api().inNamespace(newNamespace());
        newTextCollection(api, "versioned", newArticlesBucket(api, "articles"));
        api.patch("/v1/collections/versioned", Map.of("description", "v1"));
        api.patch("/v1/collections/versioned", Map.of("metadata", Map.of("owner", "search-team")));

        HttpApi.Response clone = api.post("/v1/collections/versioned/clone", Map.of("collection_name", "copy"));

        assertThat(clone.at("collection.lineage.cloned_from.source_version").asLong()).isEqualTo(2);
        assertThat(clone.text("collection.description")).isEqualTo("v1");
        assertThat(clone.at("collection.metadata.owner").asText()).isEqualTo("search-team");
        assertThat(clone.at("collection.version").asLong()).isZero();
    }

    @Test
    void overridesReplaceWholeAndTheRestIsCopied() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        HttpApi.Response source = api.post("/v1/collections", Map.of("collection_name", "tagged",
                "description", "kept", "metadata", Map.of("a", 1, "b", 2),
                "taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_1", "priority", 5)),
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", Map.of("text", "content"), "parameters", Map.of("chunk_size", 500))));
        assertThat(source.status()).as(source.toString()).isEqualTo(200);

        HttpApi.Response clone = api.post("/v1/collections/tagged/clone", Map.of("collection_name", "retagged",
                "metadata", Map.of("c", 3), "enabled", false));

        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.at("collection.metadata").toString()).isEqualTo("{\"c\":3}");
        assertThat(clone.at("collection.enabled").asBoolean()).isFalse();
        assertThat(clone.text("collection.description")).isEqualTo("kept");
        assertThat(clone.at("collection.taxonomy_applications.0.taxonomy_id").asText()).isEqualTo("tax_1");
        assertThat(clone.at("collection.taxonomy_applications.0.execution_mode").asText()).isEqualTo("materialize");
        assertThat(clone.at("collection.feature_extractor.parameters.chunk_size").asInt()).isEqualTo(500);
        assertThat(storedEvents("CollectionCloned", "\"overriddenFields\":[\"enabled\",\"metadata\"]")).isEqualTo(1);
    }

    @Test
    void deletedSourceVanishesButItsClonesKeepTheirLineage() {
        HttpApi api = api().inNamespace(newNamespace());
        String source = newTextCollection(api, "doomed", newArticlesBucket(api, "articles"));
        String clone = api.post("/v1/collections/doomed/clone", Map.of("collection_name", "survivor"))
                .text("collection.collection_id");

        assertThat(api.delete("/v1/collections/doomed").status()).isEqualTo(200);

        assertThat(api.get("/v1/collections/" + source).status()).isEqualTo(404);
        assertThat(api.post("/v1/collections/list", Map.of()).at("total_count").asInt()).isEqualTo(1);
        assertThat(api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "zombie")).status())
                .isEqualTo(404);
        HttpApi.Response survivor = api.get("/v1/collections/" + clone);
        assertThat(survivor.text("lineage.cloned_from.collection_id")).isEqualTo(source);
        assertThat(survivor.text("lineage.cloned_from.collection_name")).isEqualTo("doomed");
        assertThat(survivor.text("lineage.root_collection_id")).isEqualTo(source);
        // The name is free again once its collection is deleted.
        assertThat(api.post("/v1/collections/survivor/clone", Map.of("collection_name", "doomed")).status())
                .isEqualTo(201);
        assertThat(storedEvents("CollectionDeleted", source)).isEqualTo(1);
    }

    @Test
    void cloneMayMoveToAnotherSourceAndExtractor() {
        HttpApi api = api().inNamespace(newNamespace());
        newTextCollection(api, "texts", newArticlesBucket(api, "articles"));
        HttpApi.Response images = api.post("/v1/buckets", Map.of("bucket_name", "images",
                "bucket_schema", Map.of("properties", Map.of("photo", Map.of("type", "image"),
                        "caption", Map.of("type", "string")))));

        HttpApi.Response clone = api.post("/v1/collections/texts/clone", Map.of("collection_name", "pictures",
                "source", Map.of("type", "bucket", "bucket_id", images.text("bucket_id")),
                "feature_extractor", Map.of("feature_extractor_name", "image_extractor", "version", "v1",
                        "input_mappings", Map.of("image", "photo"),
                        "field_passthrough", List.of(Map.of("source_path", "caption", "target_path", "alt_text")))));

        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.at("collection.output_schema").toString())
                .isEqualTo("{\"properties\":{\"alt_text\":{\"type\":\"string\"},\"image_extractor_v1_embedding\":{\"type\":\"array\"}}}");
        assertThat(clone.at("collection.source.bucket_ids.0").asText()).isEqualTo(images.text("bucket_id"));
    }
}
