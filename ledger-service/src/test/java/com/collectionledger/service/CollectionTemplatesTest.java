package com.collectionledger.service;

import com.collectionledger.service.contract.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collection templates over HTTP, in Mixpeek's shapes: capture a collection as a template, read and
 * list templates, and instantiate one into a new collection whose lineage and history name the
 * template. Templates exist only in their namespace.
 */
class CollectionTemplatesTest extends LedgerHttpTest {

    private static final String TEMPLATES = "/v1/templates/collections";

    private HttpApi api;
    private String namespaceId;
    private String bucket;
    private String source;

    @BeforeEach
    void articleEmbeddings() {
        api = api().inNamespace(newNamespace());
        bucket = newArticlesBucket(api, "articles");
        source = newTextCollection(api, "article_embeddings", bucket);
        namespaceId = api.get("/v1/collections/" + source).text("namespace_id");
        assertThat(api.patch("/v1/collections/" + source, Map.of("description", "news articles",
                "metadata", Map.of("team", "search"))).status()).isEqualTo(200);
    }

    private HttpApi.Response capture(String collection, Map<String, Object> body) {
        return api.post(TEMPLATES + "/from-collection/" + collection, body);
    }

    private String template(String name, String category, List<String> tags) {
        return templateOf(source, name, category, tags);
    }

    private String templateOf(String collection, String name, String category, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template_name", name);
        body.put("category", category);
        body.put("tags", tags);
        HttpApi.Response created = capture(collection, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("template_id");
    }

    private HttpApi.Response instantiate(HttpApi client, String templateId, Map<String, Object> body) {
        return client.post(TEMPLATES + "/" + templateId + "/instantiate", body);
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    // ---- Mixpeek's request examples ------------------------------------------------------------------

    /** Every request example the OpenAPI gives for the template routes, with its IDs replaced by real ones. */
    @Test
    void mixpeeksRequestExamplesAreAccepted() {
        JsonNode captureExamples = example("CreateTemplateFromResourceRequest");
        assertThat(captureExamples).hasSize(1);
        HttpApi.Response captured = api.post(TEMPLATES + "/from-collection/" + source, captureExamples.get(0));
        assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
        String templateId = captured.text("template_id");
        JsonNode template = api.get(TEMPLATES + "/" + templateId).body();
        assertThat(template.path("name").asText()).isEqualTo("My Product Search Pattern");
        assertThat(template.path("category").asText()).isEqualTo("ecommerce");
        assertThat(template.path("tags").toString()).isEqualTo("[\"products\",\"search\"]");

        JsonNode instantiateExamples = example("InstantiateCollectionTemplateRequest");
        assertThat(instantiateExamples).hasSize(1);
        // The example's bkt_products is a bucket of Mixpeek's; this namespace's bucket stands in for it.
        ObjectNode instantiate = instantiateExamples.get(0).deepCopy();
        instantiate.putArray("bucket_ids").add(bucket);
        HttpApi.Response made = api.post(TEMPLATES + "/" + templateId + "/instantiate", instantiate);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(api.get("/v1/collections/my_product_embeddings").text("description"))
                .isEqualTo("Image embeddings for product catalog");

        JsonNode listExamples = example("ListTemplatesRequest");
        assertThat(listExamples).hasSize(2);
        // The first asks for system templates: this service keeps none, so the list is empty.
        HttpApi.Response system = api.post(TEMPLATES, listExamples.get(0));
        assertThat(system.status()).as(system.toString()).isEqualTo(200);
        assertThat(system.at("total_count").asInt()).isZero();
        template("Advanced", "advanced_search", List.of());
        HttpApi.Response advanced = api.post(TEMPLATES, listExamples.get(1));
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(names(advanced)).containsExactly("Advanced");
    }

    private static JsonNode example(String schema) {
        return OpenApiDocument.mixpeek().node("/components/schemas/" + schema + "/examples");
    }

    // ---- capture and read ----------------------------------------------------------------------------

    @Test
    void captureAnswersMixpeeksResponseAndGetShowsTheCollectionsConfigurationAtItsVersion() {
        HttpApi.Response created = capture("article_embeddings", Map.of("template_name", "Article search",
                "description", "Text embeddings of articles", "category", "search", "tags", List.of("text", "news"),
                "scope", "organization", "is_public", false));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("X-Read-Model-Status")).isEqualTo("current");
        String id = created.text("template_id");
        assertThat(id).matches("tmpl_[a-z0-9_]+");
        assertThat(created.text("template_name")).isEqualTo("Article search");
        assertThat(created.text("template_type")).isEqualTo("collection");
        assertThat(created.text("scope")).isEqualTo("organization");
        assertThat(created.text("source_resource_id")).isEqualTo(source);
        assertThat(created.at("source_version").asLong()).isEqualTo(1);
        assertThat(created.text("created_at")).isNotBlank();

        HttpApi.Response template = api.get(TEMPLATES + "/" + id);
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.text("template_id")).isEqualTo(id);
        assertThat(template.text("template_type")).isEqualTo("collection");
        assertThat(template.text("mode")).isEqualTo("config");
        assertThat(template.text("internal_id")).isEqualTo(namespaceId);
        assertThat(template.text("name")).isEqualTo("Article search");
        assertThat(template.text("description")).isEqualTo("Text embeddings of articles");
        assertThat(template.text("category")).isEqualTo("search");
        assertThat(template.at("tags").toString()).isEqualTo("[\"text\",\"news\"]");
        assertThat(template.at("is_active").asBoolean()).isTrue();
        assertThat(template.at("is_public").asBoolean()).isFalse();
        assertThat(template.text("created_by")).startsWith("key_");
        assertThat(template.text("source_resource_id")).isEqualTo(source);
        assertThat(template.text("source_collection_name")).isEqualTo("article_embeddings");
        assertThat(template.at("source_version").asLong()).isEqualTo(1);
        JsonNode configuration = template.at("configuration");
        assertThat(configuration.path("description").asText()).isEqualTo("news articles");
        assertThat(configuration.path("source").toString())
                .isEqualTo("{\"type\":\"bucket\",\"bucket_ids\":[\"" + bucket + "\"]}");
        assertThat(configuration.path("feature_extractor").path("feature_extractor_id").asText())
                .isEqualTo("text_extractor_v1");
        assertThat(configuration.path("feature_extractor").path("input_mappings").toString())
                .isEqualTo("{\"text\":\"content\"}");
        assertThat(configuration.path("feature_extractor").path("field_passthrough").get(0).path("source_path")
                .asText()).isEqualTo("title");
        assertThat(configuration.path("enabled").asBoolean()).isTrue();
        assertThat(configuration.path("metadata").toString()).isEqualTo("{\"team\":\"search\"}");
        assertThat(configuration.path("taxonomy_applications").isArray()).isTrue();
        assertThat(configuration.path("input_schema").path("properties").has("content")).isTrue();
    }

    @Test
    void aTemplateWithoutADescriptionGetsOneNamingItsCollection() {
        String id = template("Plain", null, null);

        assertThat(api.get(TEMPLATES + "/" + id).text("description"))
                .isEqualTo("Template of collection 'article_embeddings' (" + source + ") at version 1");
    }

    @Test
    void captureOfAnUnknownCollectionOrOneOfAnotherNamespaceIsNotFound() {
        HttpApi other = api().inNamespace(newNamespace());
        long before = events();

        for (HttpApi.Response response : List.of(capture("no_such_collection", Map.of("template_name", "x")),
                other.post(TEMPLATES + "/from-collection/" + source, Map.of("template_name", "x")))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.text("error.type")).isEqualTo("NotFoundError");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void invalidTemplateFieldsAreAValidationErrorInBothShapes() {
        long before = events();
        HttpApi.Response invalid = capture(source, Map.of("template_name", "", "scope", "public",
                "category", "c".repeat(51), "is_public", true));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text("error.type")).isEqualTo("ValidationError");
        List<String> locations = new ArrayList<>();
        invalid.at("detail").forEach(d -> locations.add(d.path("loc").toString()));
        assertThat(locations).containsExactlyInAnyOrder("[\"body\",\"template_name\"]", "[\"body\",\"scope\"]",
                "[\"body\",\"category\"]", "[\"body\",\"is_public\"]");
        assertThat(invalid.at("error.details.validation_errors").size()).isEqualTo(4);

        HttpApi.Response wrongType = capture(source, Map.of("template_name", 42));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"template_name\"]");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTemplateIsNotFoundUnknownOrInAnotherNamespace() {
        String id = template("Mine", null, null);
        HttpApi other = api().inNamespace(newNamespace());

        for (HttpApi.Response response : List.of(api.get(TEMPLATES + "/tmpl_doesnotexist"),
                api.get(TEMPLATES + "/" + source), other.get(TEMPLATES + "/" + id))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.text("error.type")).isEqualTo("NotFoundError");
        }
        assertThat(other.post(TEMPLATES, Map.of()).at("total_count").asInt()).isZero();
    }

    // ---- list ------------------------------------------------------------------------------------

    @Test
    void listFiltersBySearchCategoryTagsScopeAndFiltersSortsAndPages() {
        String alpha = template("Alpha search", "search", List.of("text", "prod"));
        String beta = template("Beta archive", "archive", List.of("text"));
        String gamma = template("Gamma search", "search", List.of("prod"));

        assertThat(names(api.post(TEMPLATES, Map.of()))).containsExactly("Alpha search", "Beta archive",
                "Gamma search");
        assertThat(names(api.post(TEMPLATES, Map.of("search", "SEARCH")))).containsExactly("Alpha search",
                "Gamma search");
        assertThat(names(api.post(TEMPLATES, Map.of("search", "prod")))).containsExactly("Alpha search",
                "Gamma search");
        assertThat(names(api.post(TEMPLATES, Map.of("search", beta.substring(5))))).containsExactly("Beta archive");
        assertThat(names(api.post(TEMPLATES, Map.of("category", "search", "tags", List.of("text", "prod")))))
                .containsExactly("Alpha search");
        assertThat(names(api.post(TEMPLATES, Map.of("scope", "organization", "is_active", false)))).hasSize(3);
        assertThat(names(api.post(TEMPLATES, Map.of("scope", "system")))).isEmpty();
        assertThat(names(api.post(TEMPLATES, Map.of("filters", Map.of("AND", List.of(
                Map.of("field", "category", "operator", "eq", "value", "archive"))))))).containsExactly("Beta archive");
        assertThat(names(api.post(TEMPLATES, Map.of("filters", Map.of("tags", "prod"),
                "sort", Map.of("field", "name", "direction", "desc"))))).containsExactly("Gamma search",
                "Alpha search");

        HttpApi.Response first = api.post(TEMPLATES + "?limit=2", Map.of("sort", Map.of("field", "name")));
        assertThat(first.at("total_count").asInt()).isEqualTo(3);
        assertThat(first.at("results").findValuesAsText("template_id")).containsExactly(alpha, beta);
        HttpApi.Response second = api.post(TEMPLATES + "?limit=2&cursor=" + first.text("pagination.next_cursor"),
                Map.of("sort", Map.of("field", "name")));
        assertThat(second.at("results").findValuesAsText("template_id")).containsExactly(gamma);
    }

    @Test
    void listRejectsWhatItDoesNotSupportNamingThePath() {
        HttpApi.Response unknownFilter = api.post(TEMPLATES, Map.of("filters", Map.of("AND", List.of(
                Map.of("field", "use_cases", "operator", "eq", "value", "x")))));
        assertThat(unknownFilter.status()).isEqualTo(422);
        assertThat(unknownFilter.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"filters\",\"AND\",\"0\",\"field\"]");

        HttpApi.Response otherOperator = api.post(TEMPLATES, Map.of("filters", Map.of("AND", List.of(
                Map.of("field", "category", "operator", "near", "value", "x")))));
        assertThat(otherOperator.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"filters\",\"AND\",\"0\",\"operator\"]");

        HttpApi.Response invalid = api.post(TEMPLATES, Map.of("sort", Map.of("field", "popularity"),
                "scope", "galaxy", "search", 3, "tags", List.of("ok", 1), "is_active", "yes"));
        assertThat(invalid.status()).isEqualTo(422);
        List<String> locations = new ArrayList<>();
        invalid.at("detail").forEach(d -> locations.add(d.path("loc").toString()));
        assertThat(locations).containsExactlyInAnyOrder("[\"body\",\"sort\",\"field\"]", "[\"body\",\"scope\"]",
                "[\"body\",\"search\"]", "[\"body\",\"tags\",\"1\"]", "[\"body\",\"is_active\"]");
    }

    @Test
    void listSpeaksTheFilterLanguageOfTheOtherLists() {
        template("Alpha search", "search", List.of("text", "prod"));
        template("Beta archive", "archive", List.of("text", "Legacy"));
        template("Gamma search", "search", List.of("prod"));
        String archive = newArticlesBucket(api, "archive");
        newTextCollection(api, "archive_embeddings", archive);
        templateOf("archive_embeddings", "Delta archive", "video", List.of("video"));

        // AND, OR and NOT, with in (case-insensitive by default) and starts_with.
        assertThat(names(list(Map.of("filters", Map.of("AND", List.of(
                Map.of("field", "tags", "operator", "in", "value", List.of("prod", "legacy")),
                Map.of("NOT", List.of(Map.of("field", "name", "operator", "starts_with", "value", "gamma")))))))))
                .containsExactly("Alpha search", "Beta archive");
        // contains on a tag, or a regex on the name.
        assertThat(names(list(Map.of("filters", Map.of("OR", List.of(
                Map.of("field", "tags", "operator", "contains", "value", "RO"),
                Map.of("field", "name", "operator", "regex", "value", "^Delta [a-z]+$")))))))
                .containsExactly("Alpha search", "Gamma search", "Delta archive");
        // Dotted paths into the captured configuration: a list of bucket IDs and a metadata key.
        assertThat(names(list(Map.of("filters", Map.of("configuration.source.bucket_ids", archive)))))
                .containsExactly("Delta archive");
        assertThat(names(list(Map.of("filters", Map.of("configuration.metadata.team", Map.of("$eq", "search"),
                "configuration.feature_extractor.feature_extractor_id", "text_extractor_v1")))))
                .containsExactly("Alpha search", "Beta archive", "Gamma search");
        assertThat(names(list(Map.of("filters", Map.of("source_resource_id", Map.of("$ne", source))))))
                .containsExactly("Delta archive");
        // case_sensitive applies to filters and search; ListTemplatesRequest's own fields come on top.
        assertThat(names(list(Map.of("filters", Map.of("tags", "legacy"))))).containsExactly("Beta archive");
        assertThat(names(list(Map.of("filters", Map.of("tags", "legacy"), "case_sensitive", true)))).isEmpty();
        assertThat(names(list(Map.of("search", "LEGAC")))).containsExactly("Beta archive");
        assertThat(names(list(Map.of("search", "LEGAC", "case_sensitive", true)))).isEmpty();
        assertThat(names(list(Map.of("category", "search", "search", "a",
                "filters", Map.of("tags", Map.of("$starts_with", "pr")),
                "sort", Map.of("field", "name", "direction", "desc")))))
                .containsExactly("Gamma search", "Alpha search");
        assertThat(names(list(Map.of("sort", Map.of("field", "category", "direction", "desc"),
                "filters", Map.of("category", Map.of("$in", List.of("archive", "video")))))))
                .containsExactly("Delta archive", "Beta archive");
    }

    @Test
    void anUnknownFieldOrOperatorIsA422AtItsJsonLocation() {
        HttpApi.Response unknownField = list(Map.of("filters", Map.of("OR", List.of(
                Map.of("field", "tags", "value", "prod"),
                Map.of("field", "popularity", "operator", "gt", "value", 1)))));
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.text("error.type")).isEqualTo("ValidationError");
        assertThat(unknownField.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"filters\",\"OR\",\"1\",\"field\"]");
        assertThat(unknownField.at("detail.0.msg").asText()).contains("templates", "tags");

        HttpApi.Response unknownOperator = list(Map.of("filters", Map.of("name", Map.of("$near", "x"))));
        assertThat(unknownOperator.status()).isEqualTo(422);
        assertThat(unknownOperator.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"filters\",\"name\",\"$near\"]");

        HttpApi.Response notSortable = list(Map.of("sort", Map.of("field", "tags")));
        assertThat(notSortable.status()).isEqualTo(422);
        assertThat(notSortable.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"sort\",\"field\"]");

        HttpApi.Response notAList = list(Map.of("filters", Map.of("NOT", List.of(
                Map.of("field", "tags", "operator", "in", "value", "prod")))));
        assertThat(notAList.status()).isEqualTo(422);
        assertThat(notAList.at("detail.0.loc").toString())
                .isEqualTo("[\"body\",\"filters\",\"NOT\",\"0\",\"value\"]");
    }

    private HttpApi.Response list(Map<String, Object> body) {
        return api.post(TEMPLATES, body);
    }

    private static List<String> names(HttpApi.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.at("results").findValuesAsText("name");
    }

    // ---- instantiate ---------------------------------------------------------------------------------

    @Test
    void instantiateMakesANewCollectionWhoseGetLineageAndHistoryNameTheTemplate() {
        String id = template("Article search", null, null);
        String authored = api.post("/v1/buckets", Map.of("bucket_name", "authored", "bucket_schema",
                Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"),
                        "author", Map.of("type", "string"))))).text("bucket_id");

        HttpApi.Response made = instantiate(api, id, Map.of("collection_name", "authored_embeddings",
                "bucket_ids", List.of(authored), "description", "authored articles", "tags", List.of("prod")));

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.header("X-Read-Model-Status")).isEqualTo("current");
        String collectionId = made.text("collection_id");
        assertThat(collectionId).startsWith("col_").isNotEqualTo(source);
        assertThat(made.text("collection_name")).isEqualTo("authored_embeddings");
        assertThat(made.text("template_id")).isEqualTo(id);
        assertThat(made.text("status")).isEqualTo("created");

        HttpApi.Response collection = api.get("/v1/collections/authored_embeddings");
        assertThat(collection.status()).isEqualTo(200);
        assertThat(collection.text("collection_id")).isEqualTo(collectionId);
        assertThat(collection.text("description")).isEqualTo("authored articles");
        assertThat(collection.at("source.bucket_ids").toString()).isEqualTo("[\"" + authored + "\"]");
        assertThat(collection.at("metadata").toString()).isEqualTo("{\"team\":\"search\"}");
        assertThat(collection.at("input_schema.properties").has("author")).isTrue();
        assertThat(collection.at("lineage.cloned_from").isNull()).isTrue();
        assertThat(collection.text("lineage.root_collection_id")).isEqualTo(collectionId);
        assertThat(collection.at("lineage.generation").asInt()).isZero();
        assertFromTemplate(collection.at("lineage.from_template"), id);
        assertThat(api.get("/v1/collections/" + source).at("lineage").has("from_template")).isFalse();

        HttpApi.Response lineage = api.get("/v1/collections/" + collectionId + "/lineage");
        assertThat(lineage.status()).isEqualTo(200);
        assertFromTemplate(lineage.at("from_template"), id);
        assertThat(lineage.at("ancestors.results").isEmpty()).isTrue();
        assertThat(api.get("/v1/collections/" + source + "/lineage").at("from_template").isNull()).isTrue();

        HttpApi.Response history = api.get("/v1/collections/" + collectionId + "/history");
        JsonNode origin = history.at("results.0");
        assertThat(origin.path("event_type").asText()).isEqualTo("CollectionInstantiated");
        assertThat(origin.path("changes").path("template_id").asText()).isEqualTo(id);
        assertThat(origin.path("changes").path("template_name").asText()).isEqualTo("Article search");
        assertThat(origin.path("changes").path("source_collection_id").asText()).isEqualTo(source);
        assertThat(origin.path("changes").path("source_version").asLong()).isEqualTo(1);
        assertThat(origin.path("changes").path("tags").toString()).isEqualTo("[\"prod\"]");
        assertThat(origin.path("actor").path("key_id").asText()).startsWith("key_");

        HttpApi.Response atZero = api.get("/v1/collections/" + collectionId + "?version=0");
        assertThat(atZero.status()).isEqualTo(200);
        assertFromTemplate(atZero.at("lineage.from_template"), id);
        assertThat(storedEvents("CollectionInstantiated", collectionId)).isEqualTo(1);
    }

    private void assertFromTemplate(JsonNode fromTemplate, String templateId) {
        assertThat(fromTemplate.path("template_id").asText()).isEqualTo(templateId);
        assertThat(fromTemplate.path("template_name").asText()).isEqualTo("Article search");
        assertThat(fromTemplate.path("source_collection_id").asText()).isEqualTo(source);
        assertThat(fromTemplate.path("source_collection_name").asText()).isEqualTo("article_embeddings");
        assertThat(fromTemplate.path("source_version").asLong()).isEqualTo(1);
    }

    @Test
    void anInstantiatedCollectionOutlivesItsSourceAndIsTheRootOfItsClones() {
        String id = template("Survivor", null, null);
        assertThat(api.delete("/v1/collections/" + source).status()).isEqualTo(200);

        HttpApi.Response made = instantiate(api, id, Map.of("collection_name", "reborn"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        HttpApi.Response clone = api.post("/v1/collections/reborn/clone", Map.of("collection_name", "reborn_copy"));

        assertThat(clone.status()).isEqualTo(201);
        assertThat(clone.text("collection.lineage.root_collection_id")).isEqualTo(made.text("collection_id"));
        assertThat(clone.at("collection.lineage").has("from_template")).isFalse();
        assertThat(api.get("/v1/collections/reborn/lineage?direction=descendants")
                .at("descendants.results").findValuesAsText("collection_name")).containsExactly("reborn_copy");
    }

    @Test
    void instantiateOfAnUnknownTemplateOrOneOfAnotherNamespaceIsNotFound() {
        String id = template("Mine", null, null);
        HttpApi other = api().inNamespace(newNamespace());
        newArticlesBucket(other, "articles");
        long before = events();

        for (HttpApi.Response response : List.of(
                instantiate(api, "tmpl_doesnotexist", Map.of("collection_name", "x-one")),
                instantiate(api, source, Map.of("collection_name", "x-two")),
                instantiate(api, "TMPL_upper", Map.of("collection_name", "x-three")),
                instantiate(other, id, Map.of("collection_name", "x-four")))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.text("error.type")).isEqualTo("NotFoundError");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTakenNameIsAlreadyExistsAndInvalidInputIsAValidationError() {
        String id = template("Strict", null, null);
        long before = events();

        HttpApi.Response taken = instantiate(api, id, Map.of("collection_name", "article_embeddings"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("error.type")).isEqualTo("AlreadyExistsError");

        HttpApi.Response badName = instantiate(api, id, Map.of("collection_name", "col_reserved"));
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"collection_name\"]");

        HttpApi.Response unknownBucket = instantiate(api, id, Map.of("collection_name", "unknown_bucket",
                "bucket_ids", List.of(bucket, "bkt_missing0001")));
        assertThat(unknownBucket.status()).isEqualTo(422);
        assertThat(unknownBucket.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"bucket_ids\",\"1\"]");
        assertThat(unknownBucket.at("error.details.validation_errors.0.location").toString())
                .isEqualTo("[\"body\",\"bucket_ids\",\"1\"]");

        HttpApi.Response both = instantiate(api, id, Map.of("collection_name", "both_sources",
                "bucket_ids", List.of(bucket), "collection_id", source));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"collection_id\"]");

        HttpApi.Response unreadable = instantiate(api, id, Map.of("collection_name", "video_source",
                "bucket_ids", List.of(api.post("/v1/buckets", Map.of("bucket_name", "videos", "bucket_schema",
                        Map.of("properties", Map.of("video", Map.of("type", "video"))))).text("bucket_id"))));
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.at("detail").findValuesAsText("msg")).anyMatch(m -> m.contains("content"));

        HttpApi.Response wrongType = instantiate(api, id, Map.of("collection_name", "typed",
                "bucket_ids", "not-a-list"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.at("detail.0.loc").toString()).isEqualTo("[\"body\",\"bucket_ids\"]");

        // One event: the videos bucket. Nothing else was stored.
        assertThat(events()).isEqualTo(before + 1);
        assertThat(api.get("/v1/collections/unknown_bucket").status()).isEqualTo(404);
    }

    @Test
    void concurrentInstantiationsWithOneNameMakeExactlyOneCollection() {
        String id = template("Contested", null, null);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(Background.start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return instantiate(api, id, Map.of("collection_name", "the-one")).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(storedEvents("CollectionInstantiated", "\"collectionName\":\"the-one\"")).isEqualTo(1);
    }

    @Test
    void aRetriedInstantiationWithItsIdempotencyKeyStoresOneCollection() {
        String id = template("Retried", null, null);
        HttpApi keyed = api.with("Idempotency-Key", "instantiate-" + UUID.randomUUID());

        HttpApi.Response first = instantiate(keyed, id, Map.of("collection_name", "once"));
        HttpApi.Response retry = instantiate(keyed, id, Map.of("collection_name", "once"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents("CollectionInstantiated", first.text("collection_id"))).isEqualTo(1);
    }

    // ---- replay ----------------------------------------------------------------------------------------

    @Test
    void replayRebuildsTheSameTemplatesAndInstantiatedCollections() {
        String id = template("Replayed", "search", List.of("a", "b"));
        instantiate(api, id, Map.of("collection_name", "replayed_copy", "bucket_ids", List.of(bucket)));
        HttpApi.Response templateBefore = api.get(TEMPLATES + "/" + id);
        HttpApi.Response collectionBefore = api.get("/v1/collections/replayed_copy");
        String before = api().get("/v1/admin/read-model/checksum").text("checksum");

        replayReadModel();

        assertThat(api().get("/v1/admin/read-model/checksum").text("checksum")).isEqualTo(before);
        assertThat(api.get(TEMPLATES + "/" + id).body()).isEqualTo(templateBefore.body());
        assertThat(api.get("/v1/collections/replayed_copy").body()).isEqualTo(collectionBefore.body());
        assertThat(api().get("/v1/admin/read-model/checksum").at("rows.view_template").asLong()).isPositive();
    }
}
