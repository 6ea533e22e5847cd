package com.collectionledger.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/collections/list: pages, cursors, filters, search and sort, from the read model. */
class CollectionListTest extends LedgerHttpTest {

    private HttpApi api;

    @BeforeEach
    void fiveCollections() {
        api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        for (String name : List.of("delta", "alpha", "echo", "Charlie", "bravo")) {
            newTextCollection(api, name, bucket);
        }
        api.post("/v1/collections/alpha/clone", Map.of("collection_name", "alpha-copy", "enabled", false));
    }

    @Test
    void pagesWalkEveryCollectionOnceByOffsetOrCursor() {
        HttpApi.Response first = api.post("/v1/collections/list?limit=4", Map.of());
        assertThat(first.at("pagination.total").asInt()).isEqualTo(6);
        assertThat(first.at("pagination.total_pages").asInt()).isEqualTo(2);
        assertThat(first.at("pagination.page").asInt()).isEqualTo(1);
        assertThat(first.at("pagination.next_page").asInt()).isEqualTo(2);
        assertThat(first.at("results").size()).isEqualTo(4);

        HttpApi.Response second = api.post("/v1/collections/list?limit=4&cursor="
                + first.text("pagination.next_cursor"), Map.of());
        assertThat(second.at("results").size()).isEqualTo(2);
        assertThat(second.at("pagination.next_cursor").isNull()).isTrue();
        assertThat(second.at("pagination.previous_page").asInt()).isEqualTo(1);

        List<String> names = new ArrayList<>();
        first.at("results").forEach(r -> names.add(r.get("collection_name").asText()));
        second.at("results").forEach(r -> names.add(r.get("collection_name").asText()));
        assertThat(names).containsExactlyInAnyOrder("delta", "alpha", "echo", "Charlie", "bravo", "alpha-copy");
        assertThat(api.post("/v1/collections/list?limit=4&offset=4", Map.of()).at("results").size()).isEqualTo(2);
    }

    @Test
    void pageNumbersAreStringsAsMixpeeksPaginationResponseTypesThem() {
        HttpApi.Response second = api.post("/v1/collections/list?limit=2&offset=2", Map.of());

        assertThat(second.at("pagination.next_page").isTextual()).as(second.toString()).isTrue();
        assertThat(second.text("pagination.next_page")).isEqualTo("3");
        assertThat(second.text("pagination.previous_page")).isEqualTo("1");
        assertThat(api.post("/v1/collections/list?limit=4", Map.of()).at("pagination.previous_page").isNull()).isTrue();
    }

    @Test
    void totalCountIsAnIntegerWithOrWithoutIncludeTotal() {
        for (String includeTotal : List.of("false", "true")) {
            HttpApi.Response page = api.post("/v1/collections/list?limit=1&include_total=" + includeTotal, Map.of());

            assertThat(page.at("total_count").isIntegralNumber()).as(page.toString()).isTrue();
            assertThat(page.at("total_count").asInt()).isEqualTo(6);
        }
    }

    @Test
    void sortsByNameEitherWay() {
        assertThat(names(api.post("/v1/collections/list",
                Map.of("sort", Map.of("field", "collection_name", "direction", "desc")))))
                .containsExactly("echo", "delta", "bravo", "alpha-copy", "alpha", "Charlie");
    }

    @Test
    void filtersAreExactMatchesInEitherForm() {
        assertThat(names(api.post("/v1/collections/list", Map.of("filters", Map.of("enabled", false)))))
                .containsExactly("alpha-copy");
        assertThat(names(api.post("/v1/collections/list", Map.of("filters", Map.of("generation", 1)))))
                .containsExactly("alpha-copy");
        String alpha = api.get("/v1/collections/alpha").text("collection_id");
        assertThat(names(api.post("/v1/collections/list", Map.of("filters", Map.of("AND", List.of(
                Map.of("field", "cloned_from", "operator", "eq", "value", alpha)))))))
                .containsExactly("alpha-copy");
        assertThat(names(api.post("/v1/collections/list", Map.of("filters", Map.of("root_collection_id", alpha)))))
                .containsExactlyInAnyOrder("alpha", "alpha-copy");
    }

    @Test
    void searchIgnoresCaseUnlessAskedNotTo() {
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "CHAR")))).containsExactly("Charlie");
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "char", "case_sensitive", true)))).isEmpty();
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "alpha")))).hasSize(2);
        assertThat(names(api.post("/v1/collections/list", Map.of("search", "%")))).isEmpty();
    }

    @Test
    void badListParametersAreValidationErrors() {
        for (HttpApi.Response response : List.of(
                api.post("/v1/collections/list?limit=0", Map.of()),
                api.post("/v1/collections/list?limit=1001", Map.of()),
                api.post("/v1/collections/list?limit=abc", Map.of()),
                api.post("/v1/collections/list?cursor=garbage", Map.of()),
                api.post("/v1/collections/list", Map.of("filters", Map.of("password", "x"))),
                api.post("/v1/collections/list", Map.of("filters", Map.of("enabled", "yes"))),
                api.post("/v1/collections/list", Map.of("sort", Map.of("field", "payload"))),
                api.post("/v1/collections/list", Map.of("search", 5)))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.text("error.type")).isEqualTo("ValidationError");
            assertThat(response.at("detail.0.loc").isArray()).isTrue();
        }
    }

    private static List<String> names(HttpApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.at("results").forEach(r -> names.add(r.get("collection_name").asText()));
        return names;
    }
}
