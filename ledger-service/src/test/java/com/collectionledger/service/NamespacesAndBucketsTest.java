package com.collectionledger.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Namespaces, buckets, the catalog, health and OpenAPI. */
class NamespacesAndBucketsTest extends LedgerHttpTest {

    @Test
    void namespaceIsFoundByIdOrNameAndListed() {
        String name = newNamespace();
        HttpApi.Response byName = api().get("/v1/namespaces/" + name);
        assertThat(byName.status()).isEqualTo(200);
        String id = byName.text("namespace_id");
        assertThat(api().get("/v1/namespaces/" + id).body()).isEqualTo(byName.body());
        assertThat(byName.at("feature_extractors").size()).isEqualTo(4);
        HttpApi.Response list = api().post("/v1/namespaces/list?limit=1000", Map.of());
        assertThat(list.at("results").findValuesAsText("namespace_name")).contains(name);
        assertThat(api().post("/v1/namespaces", Map.of("namespace_name", name,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))))
                .text("error.type")).isEqualTo("AlreadyExistsError");
    }

    @Test
    void namespaceNeedsKnownExtractors() {
        HttpApi.Response response = api().post("/v1/namespaces", Map.of("namespace_name", "bad-extractors",
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v9"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"feature_extractors\",\"0\"]");
    }

    @Test
    void bucketIsFoundByIdOrNameOnlyInItsNamespace() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newArticlesBucket(api, "articles");
        newArticlesBucket(api, "more-articles");
        assertThat(api.get("/v1/buckets/articles").text("bucket_id")).isEqualTo(id);
        assertThat(api.get("/v1/buckets/" + id).text("bucket_name")).isEqualTo("articles");
        HttpApi.Response list = api.post("/v1/buckets/list", Map.of());
        assertThat(list.at("total_count").asInt()).isEqualTo(2);
        assertThat(list.at("results").findValuesAsText("bucket_name")).containsExactly("articles", "more-articles");
        assertThat(api().inNamespace(newNamespace()).get("/v1/buckets/" + id).status()).isEqualTo(404);
    }

    @Test
    void bucketFieldTypesComeFromTheList() {
        HttpApi api = api().inNamespace(newNamespace());
        HttpApi.Response response = api.post("/v1/buckets", Map.of("bucket_name", "odd",
                "bucket_schema", Map.of("properties", Map.of("when", Map.of("type", "timestamp")))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"bucket_schema\",\"properties\",\"when\",\"type\"]");
    }

    @Test
    void catalogListsTheBuiltInExtractors() {
        HttpApi.Response catalog = api().get("/v1/collections/features/extractors");
        assertThat(catalog.body().findValuesAsText("feature_extractor_id")).containsExactly("text_extractor_v1",
                "image_extractor_v1", "image_extractor_v2", "multimodal_extractor_v1", "scene_extractor_v1");
        HttpApi.Response text = api().get("/v1/collections/features/extractors/text_extractor_v1");
        assertThat(text.at("output_schema.properties.embedding.type").asText()).isEqualTo("array");
        assertThat(text.at("parameter_schema.properties").has("chunk_size")).isTrue();
        assertThat(new HttpApi(port, null).get("/v1/collections/features/extractors").status()).isEqualTo(401);
    }

    @Test
    void healthAndOpenApiAnswerWithoutAKey() {
        HttpApi anonymous = new HttpApi(port, null);
        assertThat(anonymous.get("/actuator/health").text("status")).isEqualTo("UP");
        HttpApi.Response openApi = anonymous.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.at("paths").has("/v1/collections/{identifier}/clone")).isTrue();
    }
}
