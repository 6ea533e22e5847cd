package com.collectionledger.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** input_mappings in both of Mixpeek's forms: an object {input: path}, or a list of InputMapping. */
class InputMappingFormsTest extends LedgerHttpTest {

    private HttpApi api;
    private String bucket;

    @BeforeEach
    void namespaceAndBucket() {
        api = api().inNamespace(newNamespace());
        bucket = newArticlesBucket(api, "articles");
    }

    @Test
    void listFormPayloadMappingsAreTheSameAsTheObjectForm() {
        HttpApi.Response fromObject = api.post("/v1/collections", collection("object-form", Map.of("text", "content")));
        HttpApi.Response fromList = api.post("/v1/collections", collection("list-form", List.of(
                Map.of("input_key", "text", "source_type", "payload", "path", "content"))));

        assertThat(fromList.status()).as(fromList.toString()).isEqualTo(200);
        assertThat(fromList.at("feature_extractor.input_mappings")).isEqualTo(fromObject.at("feature_extractor.input_mappings"));
        assertThat(fromList.at("output_schema")).isEqualTo(fromObject.at("output_schema"));
    }

    @Test
    void listFormWithoutASourceTypeIsAPayloadMapping() {
        HttpApi.Response created = api.post("/v1/collections", collection("default-type", List.of(
                Map.of("input_key", "text", "path", "content"))));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.text("feature_extractor.input_mappings.text")).isEqualTo("content");
    }

    @Test
    void literalAndVectorInputsAreValidationErrorsThatSayWhy() {
        HttpApi.Response literal = api.post("/v1/collections", collection("literal", List.of(
                Map.of("input_key", "text", "source_type", "literal", "override", "en"))));

        assertThat(literal.status()).isEqualTo(422);
        assertThat(literal.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"feature_extractor\",\"input_mappings\",\"0\",\"source_type\"]");
        assertThat(literal.text("detail.0.msg")).contains("source fields only");
        assertThat(api.get("/v1/collections/literal").status()).isEqualTo(404);
    }

    @Test
    void listItemsNeedAKeyAPathAndNoKeyTwice() {
        HttpApi.Response response = api.post("/v1/collections", collection("broken", List.of(
                Map.of("path", "content"), Map.of("input_key", "text"),
                Map.of("input_key", "text", "path", "content"), Map.of("input_key", "text", "path", "title"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("detail").findValues("loc").stream().map(Object::toString).toList()).containsExactly(
                "[\"body\",\"feature_extractor\",\"input_mappings\",\"0\",\"input_key\"]",
                "[\"body\",\"feature_extractor\",\"input_mappings\",\"1\",\"path\"]",
                "[\"body\",\"feature_extractor\",\"input_mappings\",\"3\",\"input_key\"]");
    }

    @Test
    void aCloneMayOverrideTheExtractorInTheListForm() {
        String source = newTextCollection(api, "source", bucket);

        HttpApi.Response clone = api.post("/v1/collections/" + source + "/clone", Map.of("collection_name", "titles",
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", List.of(Map.of("input_key", "text", "path", "title")))));

        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.text("collection.feature_extractor.input_mappings.text")).isEqualTo("title");
    }

    private Map<String, Object> collection(String name, Object inputMappings) {
        return Map.of("collection_name", name,
                "source", Map.of("type", "bucket", "bucket_ids", List.of(bucket)),
                "feature_extractor", Map.of("feature_extractor_name", "text_extractor", "version", "v1",
                        "input_mappings", inputMappings));
    }
}
