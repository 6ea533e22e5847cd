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
    void namespaceExtractorsCarryTheirIdAndTheParamsGivenAtCreation() {
        String name = "params-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Response created = api().post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors",
                List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                                "params", Map.of("model", "multilingual-e5-large-instruct")),
                        Map.of("feature_extractor_name", "image_extractor", "version", "v1"))));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        HttpApi.Response read = api().get("/v1/namespaces/" + name);
        assertThat(read.text("feature_extractors.0.feature_extractor_id")).isEqualTo("text_extractor_v1");
        assertThat(read.text("feature_extractors.0.params.model")).isEqualTo("multilingual-e5-large-instruct");
        assertThat(read.text("feature_extractors.1.feature_extractor_id")).isEqualTo("image_extractor_v1");
        assertThat(read.at("feature_extractors.1.params").isNull()).isTrue();
        assertThat(created.at("feature_extractors")).isEqualTo(read.at("feature_extractors"));
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
        assertThat(text.text("icon")).isNotBlank();
        assertThat(text.at("max_inputs.text").asInt()).isEqualTo(1);
        assertThat(text.text("required_vector_indexes.0.name")).isEqualTo("embedding");
        assertThat(text.at("required_vector_indexes.0.index.dimensions").asInt()).isEqualTo(1024);
        assertThat(text.at("required_payload_indexes").isArray()).isTrue();
        HttpApi anonymous = new HttpApi(port, null);
        assertThat(anonymous.get("/v1/collections/features/extractors").body())
                .as("public data, as in Mixpeek's OpenAPI: no key needed").isEqualTo(catalog.body());
        assertThat(anonymous.get("/v1/collections/features/extractors/text_extractor_v1").body()).isEqualTo(text.body());
    }

    @Test
    void healthAndOpenApiAnswerWithoutAKey() {
        HttpApi anonymous = new HttpApi(port, null);
        assertThat(anonymous.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").text("status")).isEqualTo("UP");
        HttpApi.Response openApi = anonymous.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.at("paths").has("/v1/collections/{identifier}/clone")).isTrue();
    }
}
