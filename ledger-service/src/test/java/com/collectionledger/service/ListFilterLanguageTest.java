package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mixpeek's filter language, sort and search on POST /v1/collections/list, /v1/buckets/list and
 * /v1/namespaces/list: every operator, AND/OR/NOT nesting, dotted paths into lists and nested
 * fields, case sensitivity, the shorthand forms, the OpenAPI's own examples, and a 422 at the JSON
 * location of each kind of mistake.
 */
class ListFilterLanguageTest extends LedgerHttpTest {

    /** One namespace with buckets and collections, made once for the whole class (it is only read). */
    private static Fixture fixture;

    private record Fixture(String namespace, String articles, String archive, String videos, String frames,
                           String embeddings) {
    }

    private HttpApi api;

    @BeforeEach
    void fixture() {
        synchronized (ListFilterLanguageTest.class) {
            if (fixture == null) {
                fixture = build();
            }
        }
        api = api().inNamespace(fixture.namespace());
    }

    private Fixture build() {
        String namespace = newNamespace();
        HttpApi api = api().inNamespace(namespace);
        Map<String, Object> articleSchema = Map.of("properties", Map.of(
                "title", Map.of("type", "string"), "content", Map.of("type", "text")));
        String articles = ok(api.post("/v1/buckets", Map.of("bucket_name", "articles", "description", "News ARTICLES",
                "bucket_schema", articleSchema, "metadata", Map.of("team", "search", "retention_days", 30))))
                .text("bucket_id");
        String archive = ok(api.post("/v1/buckets", Map.of("bucket_name", "archive", "description", "old articles",
                "bucket_schema", articleSchema, "metadata", Map.of("team", "ops", "retention_days", 3650))))
                .text("bucket_id");
        String videos = ok(api.post("/v1/buckets", Map.of("bucket_name", "videos",
                "bucket_schema", Map.of("properties", Map.of("video", Map.of("type", "video")))))).text("bucket_id");

        String embeddings = ok(api.post("/v1/collections", collection("article_embeddings", "Text embeddings of articles",
                List.of(articles), true, Map.of("team", "search", "tier", 2, "tags", List.of("nlp", "prod"),
                        "owner", Map.of("name", "Ada")), List.of("tax_genres")))).text("collection_id");
        ok(api.post("/v1/collections", collection("Article_Backup", "nightly BACKUP of articles",
                List.of(articles, archive), false, Map.of("team", "Search", "tier", 10),
                List.of("tax_genres", "tax_topics"))));
        String frames = ok(api.post("/v1/collections", Map.of("collection_name", "video_frames",
                "source", Map.of("type", "bucket", "bucket_ids", List.of(videos)),
                "feature_extractor", Map.of("feature_extractor_name", "multimodal_extractor", "version", "v1",
                        "input_mappings", Map.of("video", "video")),
                "metadata", Map.of("tier", 1.5, "reviewed", true)))).text("collection_id");
        ok(api.post("/v1/collections", Map.of("collection_name", "detected_scenes",
                "source", Map.of("type", "collection", "collection_id", frames),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "multimodal_extractor_v1_embedding")))));
        ok(api.post("/v1/collections/article_embeddings/clone", Map.of("collection_name", "article_clone")));
        return new Fixture(namespace, articles, archive, videos, frames, embeddings);
    }

    private static Map<String, Object> collection(String name, String description, List<String> buckets,
                                                  boolean enabled, Map<String, Object> metadata,
                                                  List<String> taxonomies) {
        Map<String, Object> body = new LinkedHashMap<>(textCollection(name, buckets.get(0)));
        body.put("source", Map.of("type", "bucket", "bucket_ids", buckets));
        body.put("description", description);
        body.put("enabled", enabled);
        body.put("metadata", metadata);
        body.put("taxonomy_applications", taxonomies.stream().map(id -> Map.of("taxonomy_id", id)).toList());
        return body;
    }

    // ---------------------------------------------------------------------------------------------
    // Operators

    @Test
    void everyOperatorOnColumns() {
        assertThat(names(where("collection_name", "eq", "video_frames"))).containsExactly("video_frames");
        assertThat(names(where("collection_name", "ne", "video_frames")))
                .containsExactly("article_embeddings", "Article_Backup", "detected_scenes", "article_clone");
        assertThat(names(where("lineage.generation", "gt", 0))).containsExactly("article_clone");
        assertThat(names(where("lineage.generation", "gte", 0))).hasSize(5);
        assertThat(names(where("lineage.generation", "lt", 1))).hasSize(4);
        assertThat(names(where("lineage.generation", "lte", 0))).hasSize(4);
        assertThat(names(where("collection_name", "in", List.of("video_frames", "detected_scenes", "nope"))))
                .containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("collection_name", "nin", List.of("video_frames", "detected_scenes"))))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("collection_name", "in", List.of()))).isEmpty();
        assertThat(names(where("description", "contains", "backup"))).containsExactly("Article_Backup");
        assertThat(names(where("collection_name", "starts_with", "article"))).containsExactly("article_embeddings",
                "Article_Backup", "article_clone");
        assertThat(names(where("collection_name", "ends_with", "_frames"))).containsExactly("video_frames");
        assertThat(names(where("collection_name", "regex", "^(video|detected)_[a-z]+$")))
                .containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("description", "exists", true)))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("description", "exists", false))).containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("description", "is_null", true))).containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("description", "eq", null))).containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("description", "text", "EMBEDDINGS"))).containsExactly("article_embeddings", "article_clone");
        assertThat(names(where("enabled", "eq", false))).containsExactly("Article_Backup");
        // LIKE's own wildcards are literal characters in a value.
        assertThat(names(where("collection_name", "contains", "%"))).isEmpty();
        assertThat(names(where("collection_name", "contains", "_"))).hasSize(5);
    }

    @Test
    void timestampsCompareAsInstants() {
        String first = api.get("/v1/collections/article_embeddings").text("created_at");
        String clone = api.get("/v1/collections/article_clone").text("created_at");

        assertThat(names(where("created_at", "gt", first))).doesNotContain("article_embeddings").contains("article_clone");
        assertThat(names(where("created_at", "lte", first))).containsExactly("article_embeddings");
        assertThat(names(where("updated_at", "gte", clone))).containsExactly("article_clone");
        assertThat(names(where("created_at", "gt", "2000-01-01"))).hasSize(5);
        assertThat(names(where("created_at", "lt", "2000-01-01T00:00:00+02:00"))).isEmpty();
    }

    @Test
    void dottedPathsReachIntoListsAndNestedFields() {
        assertThat(names(where("source.bucket_ids", "eq", fixture.articles())))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("source.bucket_ids", "eq", fixture.archive()))).containsExactly("Article_Backup");
        assertThat(names(where("source.bucket_ids", "in", List.of(fixture.archive(), fixture.videos()))))
                .containsExactly("Article_Backup", "video_frames");
        assertThat(names(where("source.bucket_ids", "nin", List.of(fixture.articles()))))
                .containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("source.collection_id", "eq", fixture.frames()))).containsExactly("detected_scenes");
        assertThat(names(where("source.type", "eq", "collection"))).containsExactly("detected_scenes");
        assertThat(names(where("taxonomy_applications.taxonomy_id", "eq", "tax_topics"))).containsExactly("Article_Backup");
        assertThat(names(where("taxonomy_applications.taxonomy_id", "exists", true)))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("feature_extractor.feature_extractor_name", "eq", "text_extractor")))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("feature_extractor.feature_extractor_id", "eq", "scene_extractor_v1")))
                .containsExactly("detected_scenes");
        assertThat(names(where("feature_extractor.feature_extractor_id", "eq", "SCENE_EXTRACTOR_V1")))
                .containsExactly("detected_scenes");
        assertThat(names(where("feature_extractor.version", "eq", "v1"))).hasSize(5);
        assertThat(names(where("lineage.cloned_from.collection_id", "eq", fixture.embeddings())))
                .containsExactly("article_clone");
        assertThat(names(where("collection_id", "eq", fixture.frames()))).containsExactly("video_frames");
    }

    @Test
    void metadataKeysCompareByTheirValuesType() {
        assertThat(names(where("metadata.team", "eq", "search")))
                .containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(where("metadata.tier", "gt", 1.9))).containsExactly("article_embeddings", "Article_Backup",
                "article_clone");
        assertThat(names(where("metadata.tier", "lt", 2))).containsExactly("video_frames");
        assertThat(names(where("metadata.tier", "in", List.of(10, "2")))).containsExactly("Article_Backup");
        assertThat(names(where("metadata.tier", "eq", "2"))).as("a string is not the number 2").isEmpty();
        assertThat(names(where("metadata.tags", "eq", "prod"))).containsExactly("article_embeddings", "article_clone");
        assertThat(names(where("metadata.owner.name", "starts_with", "ad"))).containsExactly("article_embeddings",
                "article_clone");
        assertThat(names(where("metadata.reviewed", "eq", true))).containsExactly("video_frames");
        assertThat(names(where("metadata.team", "exists", false))).containsExactly("video_frames", "detected_scenes");
        assertThat(names(where("metadata.team", "ne", "ops"))).hasSize(5);
        assertThat(names(where("metadata.nothing", "eq", "x"))).isEmpty();
    }

    @Test
    void andOrNotNestToAnyReasonableDepth() {
        Map<String, Object> textOrDisabled = Map.of("OR", List.of(
                condition("feature_extractor.feature_extractor_name", "eq", "scene_extractor"),
                Map.of("AND", List.of(condition("enabled", "eq", false),
                        condition("taxonomy_applications.taxonomy_id", "eq", "tax_topics")))));
        assertThat(names(list(textOrDisabled))).containsExactly("Article_Backup", "detected_scenes");

        // NOT: all of its conditions are false.
        assertThat(names(list(Map.of("NOT", List.of(condition("source.type", "eq", "collection"),
                condition("lineage.generation", "eq", 1)))))).containsExactly("article_embeddings", "Article_Backup",
                "video_frames");
        assertThat(names(list(Map.of("AND", List.of(condition("metadata.team", "exists", true),
                Map.of("NOT", List.of(Map.of("OR", List.of(condition("enabled", "eq", false),
                        condition("lineage.generation", "gt", 0)))))))))).containsExactly("article_embeddings");

        // Ten groups deep is fine; the cap is named in the 422 of the eleventh.
        assertThat(names(list(nested(10, condition("collection_name", "eq", "video_frames")))))
                .containsExactly("video_frames");
        HttpApi.Response tooDeep = list(nested(11, condition("collection_name", "eq", "video_frames")));
        List<String> location = new ArrayList<>(List.of("body", "filters"));
        for (int depth = 1; depth < 11; depth++) {
            location.addAll(List.of("AND", "0"));
        }
        assertInvalid(tooDeep, location.toArray(String[]::new));
        assertThat(tooDeep.text("detail.0.msg")).contains("at most 10 groups deep");
        assertThat(names(list(Map.of("AND", List.of(), "OR", List.of())))).hasSize(5);
    }

    @Test
    void caseSensitiveIsARequestFlagAGroupMayOverride() {
        Map<String, Object> filters = Map.of("AND", List.of(condition("metadata.team", "eq", "SEARCH")));
        assertThat(names(list(filters))).containsExactly("article_embeddings", "Article_Backup", "article_clone");
        assertThat(names(list(filters, "case_sensitive", true))).isEmpty();
        assertThat(names(list(Map.of("AND", List.of(condition("metadata.team", "eq", "Search"))), "case_sensitive", true)))
                .containsExactly("Article_Backup");
        assertThat(names(list(Map.of("AND", List.of(condition("collection_name", "starts_with", "art"))),
                "case_sensitive", true))).containsExactly("article_embeddings", "article_clone");
        assertThat(names(list(Map.of("case_sensitive", true, "AND", List.of(condition("collection_name", "regex", "^A"))))))
                .containsExactly("Article_Backup");
        assertThat(names(list(Map.of("case_sensitive", false, "AND", List.of(condition("collection_name", "eq",
                "article_backup"))), "case_sensitive", true))).containsExactly("Article_Backup");
        assertThat(names(list(Map.of("AND", List.of(condition("source.bucket_ids", "eq",
                fixture.archive().toUpperCase()))), "case_sensitive", true))).isEmpty();
        assertThat(names(where("source.bucket_ids", "eq", fixture.archive().toUpperCase())))
                .containsExactly("Article_Backup");
    }

    @Test
    void shorthandEqualityAndOperatorObjects() {
        assertThat(names(list(Map.of("collection_name", "video_frames")))).containsExactly("video_frames");
        assertThat(names(list(Map.of("collection_name", Map.of("$regex", "^video"))))).containsExactly("video_frames");
        assertThat(names(list(Map.of("metadata.tier", Map.of("$gte", 2, "$lt", 5)))))
                .containsExactly("article_embeddings", "article_clone");
        assertThat(names(list(Map.of("enabled", true, "source.bucket_ids", fixture.archive())))).isEmpty();
        assertThat(names(list(Map.of("source.bucket_ids", Map.of("$in", List.of(fixture.videos())))))).containsExactly("video_frames");
        // A lone condition needs no group around it.
        assertThat(names(list(condition("collection_name", "eq", "detected_scenes")))).containsExactly("detected_scenes");
        // The names of earlier versions still work.
        assertThat(names(list(Map.of("source_type", "collection", "generation", 0)))).containsExactly("detected_scenes");
    }

    // ---------------------------------------------------------------------------------------------
    // Sort, search, pages

    @Test
    void sortsOnAnyColumnFieldEitherWayAndPagesStayStable() {
        assertThat(names(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "collection_name")))))
                .containsExactly("Article_Backup", "article_clone", "article_embeddings", "detected_scenes", "video_frames");
        assertThat(names(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "collection_name",
                "direction", "desc"))))).containsExactly("video_frames", "detected_scenes", "article_embeddings",
                "article_clone", "Article_Backup");
        assertThat(names(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "lineage.generation",
                "direction", "desc"))))).first().isEqualTo("article_clone");
        assertThat(names(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "created_at",
                "direction", "desc"))))).first().isEqualTo("article_clone");

        // A sorted, filtered list walked two at a time by cursor: each match once, in order.
        Map<String, Object> body = Map.of("filters", Map.of("feature_extractor.feature_extractor_name",
                Map.of("$ne", "scene_extractor")), "sort", Map.of("field", "collection_name", "direction", "desc"));
        List<String> walked = new ArrayList<>();
        HttpApi.Response page = api.post("/v1/collections/list?limit=2", body);
        walked.addAll(names(page));
        assertThat(page.at("total_count").asInt()).isEqualTo(4);
        while (!page.at("pagination.next_cursor").isNull()) {
            page = api.post("/v1/collections/list?limit=2&cursor=" + page.text("pagination.next_cursor"), body);
            walked.addAll(names(page));
        }
        assertThat(walked).containsExactly("video_frames", "article_embeddings", "article_clone", "Article_Backup");
    }

    @Test
    void searchMatchesIdNameAndDescriptionIgnoringCase() {
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "BACKUP")))).containsExactly("Article_Backup");
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "BACKUP", "case_sensitive", true))))
                .containsExactly("Article_Backup");
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "backup", "case_sensitive", true))))
                .isEmpty();
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "Backup", "case_sensitive", true))))
                .containsExactly("Article_Backup");
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "nightly backup", "case_sensitive", true))))
                .isEmpty();
        assertThat(names(api.post("/v1/collections/list", Map.of("search", fixture.frames().substring(2)))))
                .containsExactly("video_frames");
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "embeddings",
                "filters", Map.of("lineage.generation", 1))))).containsExactly("article_clone");
    }

    // ---------------------------------------------------------------------------------------------
    // Mistakes: a 422 at the JSON location

    @Test
    void mistakesAreValidationErrorsAtTheirJsonLocation() {
        assertInvalid(list(Map.of("AND", List.of(condition("password", "eq", "x")))), "body", "filters", "AND", "0", "field");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "like", "x")))),
                "body", "filters", "AND", "0", "operator");
        assertInvalid(list(Map.of("OR", List.of(condition("collection_name", "eq", "x"),
                condition("collection_name", "in", "video_frames")))), "body", "filters", "OR", "1", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "regex", "(unclosed")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "regex", "\\bword")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "regex", "a(?=b)")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("enabled", "eq", "yes")))), "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("lineage.generation", "gt", "one")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("created_at", "gt", "yesterday")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("enabled", "contains", "t")))),
                "body", "filters", "AND", "0", "operator");
        assertInvalid(list(Map.of("AND", List.of(condition("enabled", "gt", false)))),
                "body", "filters", "AND", "0", "operator");
        assertInvalid(list(Map.of("AND", List.of(condition("description", "exists", "yes")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "in", java.util.Arrays.asList("a", null))))),
                "body", "filters", "AND", "0", "value", "1");
        assertInvalid(list(Map.of("AND", List.of(Map.of("field", "collection_name", "operator", "eq")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(Map.of("field", "collection_name", "value", "x", "operater", "ne")))),
                "body", "filters", "AND", "0", "operater");
        assertInvalid(list(Map.of("AND", List.of(Map.of("field", 5, "value", "x")))), "body", "filters", "AND", "0", "field");
        assertInvalid(list(Map.of("AND", "collection_name")), "body", "filters", "AND");
        assertInvalid(list(Map.of("AND", List.of("collection_name"))), "body", "filters", "AND", "0");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "eq", "a\u0000b")))),
                "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("AND", List.of(condition("collection_name", "eq",
                Map.of("type", "dynamic", "field", "inputs.name"))))), "body", "filters", "AND", "0", "value");
        assertInvalid(list(Map.of("collection_name", List.of("a", "b"))), "body", "filters", "collection_name");
        assertInvalid(list(Map.of("collection_name", Map.of("$like", "a"))), "body", "filters", "collection_name", "$like");
        assertInvalid(list(Map.of("metadata.tier", Map.of("$gt", true))), "body", "filters", "metadata.tier", "$gt");
        assertInvalid(list(Map.of("metadata", "x")), "body", "filters", "metadata");
        assertInvalid(list(Map.of("case_sensitive", "yes")), "body", "filters", "case_sensitive");
        assertInvalid(api.post("/v1/collections/list", Map.of("filters", List.of())), "body", "filters");
        assertInvalid(api.post("/v1/collections/list", List.of()), "body");
        assertInvalid(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "source.bucket_ids"))),
                "body", "sort", "field");
        assertInvalid(api.post("/v1/collections/list", Map.of("sort", Map.of("direction", "asc"))), "body", "sort", "field");
        assertInvalid(api.post("/v1/collections/list", Map.of("sort", Map.of("field", "collection_name",
                "direction", "up"))), "body", "sort", "direction");
        assertInvalid(api.post("/v1/collections/list", Map.of("case_sensitive", "no")), "body", "case_sensitive");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add(condition("collection_name", "ne", "n" + i));
        }
        HttpApi.Response tooMany = list(Map.of("AND", many));
        assertInvalid(tooMany, "body", "filters", "AND", "100", "value");
        assertThat(tooMany.text("detail.0.msg")).contains("at most 100 conditions");

        HttpApi.Response unknown = list(Map.of("AND", List.of(condition("password", "eq", "x"))));
        assertThat(unknown.text("detail.0.msg")).contains("source.bucket_ids").contains("metadata.<key>");
    }

    @Test
    void portableRegexesMeanTheSameOnBothStores() {
        assertThat(names(list(Map.of("AND", List.of(condition("collection_name", "regex", "^[a-z]+_[a-z]+$"))),
                "case_sensitive", true))).containsExactly("article_embeddings", "video_frames", "detected_scenes",
                "article_clone");
        assertThat(names(where("collection_name", "regex", "(?:frame|scene)s?$"))).containsExactly("video_frames",
                "detected_scenes");
        assertThat(names(where("collection_name", "regex", "_[b-e][^\\s]{4,5}$"))).containsExactly("Article_Backup",
                "article_clone");
        assertThat(names(where("description", "regex", "\\w+ B\\w{5} of"))).containsExactly("Article_Backup");
        assertThat(names(where("description", "regex", "nightly\\s\\S+"))).containsExactly("Article_Backup");
        assertThat(names(where("collection_name", "regex", "^.{12,14}?$"))).containsExactly("Article_Backup",
                "video_frames", "article_clone");
        assertThat(names(where("metadata.tags", "regex", "^pr"))).containsExactly("article_embeddings", "article_clone");
        assertThat(names(where("collection_name", "regex", "[-.]|\\.\\*"))).isEmpty();
        // The corners of the accepted syntax: each one runs on PostgreSQL too (which would refuse a pattern it cannot read).
        for (String pattern : List.of("", "()", "a|b|", "x{0,}", "x{1,255}?", "(?:ab)*?c", "[-a]", "[a-]", "[\\]\\[]",
                "[\\d\\s.]", "\\W\\S\\D", "\\n\\t\\r", "\\$\\^\\\\", "\\{\\}", "😀+", "[é-ü]", "^$")) {
            HttpApi.Response response = where("description", "regex", pattern);
            assertThat(response.status()).as(pattern + " -> " + response).isEqualTo(200);
        }
    }

    @Test
    void aRegexThatWouldBacktrackForeverIsRefusedNotRunForever() {
        HttpApi own = api().inNamespace(newNamespace());
        Map<String, Object> body = new LinkedHashMap<>(textCollection("slow", newArticlesBucket(own, "articles")));
        body.put("description", "x".repeat(40));
        ok(own.post("/v1/collections", body));
        // Java's engine backtracks through every way of splitting the x's: 12 s on 40 characters, unbounded.
        Map<String, Object> catastrophic = Map.of("filters", Map.of("description",
                Map.of("$regex", "x*x*x*x*x*x*x*y")));

        assertThat(names(own.post("/v1/collections/list", Map.of("filters",
                Map.of("description", Map.of("$regex", "^x+$")))))).containsExactly("slow");
        HttpApi.Response response = own.post("/v1/collections/list", catastrophic);
        if (TestDatabase.POSTGRES) {
            // PostgreSQL's engine does not backtrack like Java's: it just answers.
            assertThat(names(response)).isEmpty();
        } else {
            assertInvalid(response, "body", "filters");
            assertThat(response.text("detail.0.msg")).contains("too many steps");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The index follows changes, deletes and replays

    @Test
    void indexedValuesFollowPatchDeleteAndReplay() {
        HttpApi own = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(own, "articles");
        String id = newTextCollection(own, "tracked", bucket);
        Map<String, Object> byTaxonomy = Map.of("taxonomy_applications.taxonomy_id", "tax_new");
        assertThat(names(own.post("/v1/collections/list", Map.of("filters", byTaxonomy)))).isEmpty();

        ok(own.patch("/v1/collections/" + id, Map.of("taxonomy_applications", List.of(Map.of("taxonomy_id", "tax_new")),
                "metadata", Map.of("stage", "beta"))));
        assertThat(names(own.post("/v1/collections/list", Map.of("filters", byTaxonomy)))).containsExactly("tracked");
        assertThat(names(own.post("/v1/collections/list", Map.of("filters", Map.of("metadata.stage", "beta")))))
                .containsExactly("tracked");
        // "Which collections read bucket X" is one lookup on the index.
        assertThat(jdbc.queryForList("SELECT owner_id FROM view_field_value WHERE path = ? AND text_key = ?",
                String.class, "source.bucket_ids", bucket.toLowerCase())).containsExactly(id);

        replayReadModel();
        assertThat(names(own.post("/v1/collections/list", Map.of("filters", byTaxonomy)))).containsExactly("tracked");

        assertThat(own.delete("/v1/collections/" + id).status()).isEqualTo(200);
        assertThat(names(own.post("/v1/collections/list", Map.of("filters", byTaxonomy)))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_field_value WHERE owner_id = ?", Long.class, id)).isZero();
    }

    @Test
    void bucketAndNamespaceChangesAreFilteredByTheirNewValuesAndDeletionsVanish() {
        String namespace = newNamespace();
        HttpApi own = api().inNamespace(namespace);
        String bucket = newArticlesBucket(own, "changing");
        ok(own.patch("/v1/buckets/" + bucket, Map.of("description", "renamed shelf", "metadata", Map.of("tier", "gold"))));
        assertThat(bucketNames(own.post("/v1/buckets/list", Map.of("filters", Map.of("metadata.tier", "gold")))))
                .containsExactly("changing");
        assertThat(bucketNames(own.post("/v1/buckets/list", Map.of("filters", Map.of("description", "renamed shelf")))))
                .containsExactly("changing");

        ok(api().patch("/v1/namespaces/" + namespace, Map.of("description", "changed namespace")));
        assertThat(namespaceNames(api().post("/v1/namespaces/list",
                Map.of("filters", Map.of("description", "changed namespace"))))).containsExactly(namespace);

        assertThat(own.delete("/v1/buckets/" + bucket).status()).isEqualTo(200);
        assertThat(bucketNames(own.post("/v1/buckets/list", Map.of("filters", Map.of("metadata.tier", "gold")))))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_field_value WHERE owner_id = ?", Long.class, bucket))
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------
    // Buckets and namespaces

    @Test
    void bucketListPagesByItsBodysLimitAndOffset() {
        HttpApi.Response first = api.post("/v1/buckets/list", Map.of("limit", 2));
        assertThat(bucketNames(first)).containsExactly("archive", "articles");
        assertThat(first.at("total_count").asInt()).isEqualTo(3);
        assertThat(first.at("pagination.page_size").asInt()).isEqualTo(2);
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("limit", 2, "offset", 2)))).containsExactly("videos");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("offset", 1)))).containsExactly("articles", "videos");
        assertThat(bucketNames(api.post("/v1/buckets/list?limit=1&offset=0", Map.of("limit", 2, "offset", 1))))
                .as("the body's values win").containsExactly("articles", "videos");
        assertThat(bucketNames(api.post("/v1/buckets/list?limit=1", Map.of("offset", 2)))).containsExactly("videos");
        assertThat(bucketNames(api.post("/v1/buckets/list?cursor=" + first.text("pagination.next_cursor"),
                Map.of("limit", 2)))).containsExactly("videos");
        assertInvalid(api.post("/v1/buckets/list", Map.of("limit", 0)), "body", "limit");
        assertInvalid(api.post("/v1/buckets/list", Map.of("limit", 1001)), "body", "limit");
        assertInvalid(api.post("/v1/buckets/list", Map.of("offset", -1)), "body", "offset");
        assertInvalid(api.post("/v1/buckets/list", Map.of("limit", "2")), "body", "limit");
    }

    @Test
    void bucketsFilterSortAndSearch() {
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("filters", Map.of("bucket_name", "videos")))))
                .containsExactly("videos");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("filters", Map.of("AND", List.of(
                condition("metadata.retention_days", "gt", 100))))))).containsExactly("archive");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("filters", Map.of("bucket_id",
                Map.of("$in", List.of(fixture.articles(), fixture.videos())))))))
                .containsExactly("articles", "videos");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("filters", Map.of("description",
                Map.of("$contains", "articles")))))).containsExactly("archive", "articles");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("filters", Map.of("description",
                Map.of("$contains", "articles")), "case_sensitive", true)))).containsExactly("archive");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("search", "ARTIC")))).containsExactly("archive", "articles");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("sort", Map.of("field", "bucket_name",
                "direction", "desc"))))).containsExactly("videos", "articles", "archive");
        assertThat(bucketNames(api.post("/v1/buckets/list", Map.of("sort", Map.of("field", "created_at")))))
                .containsExactly("articles", "archive", "videos");
        assertInvalid(api.post("/v1/buckets/list", Map.of("filters", Map.of("AND", List.of(
                condition("source.bucket_ids", "eq", "x"))))), "body", "filters", "AND", "0", "field");
    }

    @Test
    void namespacesFilterSortAndSearch() {
        String prefix = "nsf-" + UUID.randomUUID().toString().substring(0, 6);
        ok(api().post("/v1/namespaces", Map.of("namespace_name", prefix + "-text", "description", "Text only",
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))));
        ok(api().post("/v1/namespaces", Map.of("namespace_name", prefix + "-images",
                "feature_extractors", List.of(Map.of("feature_extractor_name", "image_extractor", "version", "v2"),
                        Map.of("feature_extractor_name", "text_extractor", "version", "v1")))));
        Map<String, Object> ours = condition("namespace_name", "starts_with", prefix);

        assertThat(namespaceNames(api().post("/v1/namespaces/list", Map.of("filters", Map.of("AND", List.of(ours,
                condition("feature_extractors.feature_extractor_id", "eq", "image_extractor_v2")))))))
                .containsExactly(prefix + "-images");
        assertThat(namespaceNames(api().post("/v1/namespaces/list", Map.of("filters", Map.of("AND", List.of(ours,
                condition("feature_extractors.feature_extractor_name", "eq", "text_extractor")))))))
                .containsExactly(prefix + "-images", prefix + "-text");
        assertThat(namespaceNames(api().post("/v1/namespaces/list", Map.of("filters",
                Map.of("namespace_name", Map.of("$regex", "^" + prefix + "-t")))))).containsExactly(prefix + "-text");
        assertThat(namespaceNames(api().post("/v1/namespaces/list", Map.of("filters", Map.of("AND", List.of(ours)),
                "sort", Map.of("field", "created_at", "direction", "desc")))))
                .containsExactly(prefix + "-images", prefix + "-text");
        assertThat(namespaceNames(api().post("/v1/namespaces/list?limit=1000", Map.of("search", prefix.toUpperCase()))))
                .containsExactly(prefix + "-images", prefix + "-text");
        assertThat(namespaceNames(api().post("/v1/namespaces/list?limit=1000", Map.of("search", "TEXT ONLY",
                "filters", Map.of("AND", List.of(ours)))))).containsExactly(prefix + "-text");
        assertThat(namespaceNames(api().post("/v1/namespaces/list", Map.of("filters", Map.of("AND", List.of(ours,
                condition("description", "is_null", true))))))).containsExactly(prefix + "-images");
        assertInvalid(api().post("/v1/namespaces/list", Map.of("filters", Map.of("AND", List.of(
                condition("namespace_name", "regex", "[z-a]"))))), "body", "filters", "AND", "0", "value");
        assertInvalid(api().post("/v1/namespaces/list", Map.of("sort", Map.of("field", "feature_extractors"))),
                "body", "sort", "field");
    }

    // ---------------------------------------------------------------------------------------------
    // The OpenAPI document's own examples

    @Test
    void theOpenApisRequestExamplesAreAcceptedOrRefusedByANamedRule() throws IOException {
        JsonNode schemas = openApi().path("components").path("schemas");
        JsonNode namespaces = schemas.path("ListNamespacesRequest");
        List<JsonNode> namespaceExamples = new ArrayList<>();
        namespaces.path("examples").forEach(namespaceExamples::add);
        Map<String, Object> fromProperties = new LinkedHashMap<>();
        namespaces.path("properties").fields().forEachRemaining(property -> {
            if (property.getValue().has("example")) {
                fromProperties.put(property.getKey(), property.getValue().get("example"));
            }
        });
        namespaceExamples.add(HttpApi.JSON.valueToTree(fromProperties));
        assertThat(namespaceExamples).hasSize(3);
        for (JsonNode example : namespaceExamples) {
            HttpApi.Response response = api().post("/v1/namespaces/list", example);
            assertThat(response.status()).as(example + " -> " + response).isEqualTo(200);
        }

        // ListCollectionsRequest's description: filter by taxonomy with dot notation.
        HttpApi.Response byTaxonomy = api.post("/v1/collections/list", Map.of("filters", Map.of("AND", List.of(
                condition("taxonomy_applications.taxonomy_id", "eq", "tax_123")))));
        assertThat(byTaxonomy.status()).as(byTaxonomy.toString()).isEqualTo(200);

        // LogicalOperator's examples are about people (name, age, status, ...): no such fields here.
        JsonNode logical = schemas.path("LogicalOperator-Input").path("properties");
        for (String operator : List.of("AND", "OR", "NOT")) {
            JsonNode example = logical.path(operator).path("example");
            assertThat(example.isArray()).isTrue();
            HttpApi.Response response = api.post("/v1/collections/list", Map.of("filters", Map.of(operator, example)));
            assertInvalid(response, "body", "filters", operator, "0", "field");
            assertThat(response.text("detail.0.msg")).contains("is not a filter field of collections");
        }
    }

    private static JsonNode openApi() throws IOException {
        try (InputStream in = ListFilterLanguageTest.class.getResourceAsStream("/mixpeek/openapi-0.81.json")) {
            return HttpApi.JSON.readTree(in);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> condition(String field, String operator, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("operator", operator);
        condition.put("value", value);
        return condition;
    }

    private static Map<String, Object> nested(int depth, Map<String, Object> condition) {
        Map<String, Object> group = Map.of("AND", List.of(condition));
        for (int i = 1; i < depth; i++) {
            group = Map.of("AND", List.of(group));
        }
        return group;
    }

    private HttpApi.Response where(String field, String operator, Object value) {
        return list(Map.of("AND", List.of(condition(field, operator, value))));
    }

    private HttpApi.Response list(Map<String, Object> filters, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filters", filters);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return api.post("/v1/collections/list?limit=100", body);
    }

    /** The names of a page, in the order of the default sort (created_at) unless the request sorted. */
    private static List<String> names(HttpApi.Response response) {
        return values(response, "collection_name");
    }

    private static List<String> bucketNames(HttpApi.Response response) {
        return values(response, "bucket_name");
    }

    private static List<String> namespaceNames(HttpApi.Response response) {
        return values(response, "namespace_name");
    }

    private static List<String> values(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        response.at("results").forEach(result -> values.add(result.get(field).asText()));
        return values;
    }

    private static HttpApi.Response ok(HttpApi.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    private static void assertInvalid(HttpApi.Response response, String... location) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text("error.type")).isEqualTo("ValidationError");
        List<String> loc = new ArrayList<>();
        response.at("detail.0.loc").forEach(step -> loc.add(step.asText()));
        assertThat(loc).as(response.toString()).containsExactly(location);
        List<String> validation = new ArrayList<>();
        response.at("error.details.validation_errors.0.location").forEach(step -> validation.add(step.asText()));
        assertThat(validation).containsExactly(location);
    }
}
