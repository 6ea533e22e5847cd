package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** History from the event store, reads as of a version or an instant, and clones of the past. */
class HistoryAndPointInTimeTest extends LedgerHttpTest {

    private HttpApi api;
    private String id;

    @BeforeEach
    void collectionWithTwoPatches() {
        api = api().inNamespace(newNamespace());
        id = newTextCollection(api, "evolving", newArticlesBucket(api, "articles"));
        assertThat(api.with("X-Request-ID", "patch-one").patch("/v1/collections/" + id,
                Map.of("description", "first", "enabled", false)).status()).isEqualTo(200);
        assertThat(api.with("X-Request-ID", "patch-two").patch("/v1/collections/" + id,
                Map.of("description", "second", "collection_name", "evolved")).status()).isEqualTo(200);
    }

    @Test
    void historyListsEveryEventWithWhoWhenAndWhatChanged() {
        HttpApi.Response history = api.get("/v1/collections/" + id + "/history");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.at("total_count").asInt()).isEqualTo(3);
        JsonNode entries = history.at("results");
        assertThat(entries.findValuesAsText("event_type"))
                .containsExactly("CollectionCreated", "CollectionUpdated", "CollectionUpdated");
        assertThat(entries.findValues("sequence").stream().map(JsonNode::asLong)).containsExactly(0L, 1L, 2L);
        JsonNode first = entries.get(1);
        assertThat(first.at("/request_id").asText()).isEqualTo("patch-one");
        assertThat(first.at("/actor/name").asText()).isEqualTo("bootstrap");
        assertThat(first.at("/actor/key_id").asText()).startsWith("key_");
        assertThat(first.at("/changes/description").toString()).isEqualTo("{\"from\":null,\"to\":\"first\"}");
        assertThat(first.at("/changes/enabled").toString()).isEqualTo("{\"from\":true,\"to\":false}");
        JsonNode second = entries.get(2);
        assertThat(second.at("/changes/collection_name").toString())
                .isEqualTo("{\"from\":\"evolving\",\"to\":\"evolved\"}");
        assertThat(second.at("/timestamp").asText()).isNotBlank();
        assertThat(api.get("/v1/collections/evolved/history?limit=1&offset=2").at("results.0.sequence").asInt())
                .isEqualTo(2);
    }

    @Test
    void historyOfACloneNamesItsSourceAndOverrides() {
        String clone = api.post("/v1/collections/" + id + "/clone", Map.of("collection_name", "copy",
                "metadata", Map.of("k", "v"))).text("collection.collection_id");

        JsonNode created = api.get("/v1/collections/" + clone + "/history").at("results.0");

        assertThat(created.get("event_type").asText()).isEqualTo("CollectionCloned");
        assertThat(created.at("/changes/source_collection_id").asText()).isEqualTo(id);
        assertThat(created.at("/changes/source_version").asInt()).isEqualTo(2);
        assertThat(created.at("/changes/overridden_fields").toString()).isEqualTo("[\"metadata\"]");
    }

    @Test
    void historySurvivesDeletionButStaysInItsNamespace() {
        assertThat(api.delete("/v1/collections/" + id).status()).isEqualTo(200);

        HttpApi.Response history = api.get("/v1/collections/" + id + "/history");
        assertThat(history.at("total_count").asInt()).isEqualTo(4);
        assertThat(history.at("results.3.event_type").asText()).isEqualTo("CollectionDeleted");
        assertThat(api().inNamespace(newNamespace()).get("/v1/collections/" + id + "/history").status()).isEqualTo(404);
        assertThat(api.get("/v1/collections/col_nosuchthing/history").status()).isEqualTo(404);
    }

    @Test
    void readAtAVersionOrAnInstantShowsTheCollectionAsItWasThen() {
        HttpApi.Response original = api.get("/v1/collections/" + id + "?version=0");
        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        assertThat(original.text("collection_name")).isEqualTo("evolving");
        assertThat(original.at("description").isNull()).isTrue();
        assertThat(original.at("enabled").asBoolean()).isTrue();
        assertThat(original.header("ETag")).isEqualTo("\"0\"");

        String firstPatchedAt = api.get("/v1/collections/" + id + "/history").at("results.1.timestamp").asText();
        HttpApi.Response asOf = api.get("/v1/collections/" + id + "?as_of=" + firstPatchedAt);
        assertThat(asOf.text("description")).isEqualTo("first");
        assertThat(asOf.at("version").asInt()).isEqualTo(1);

        assertThat(api.get("/v1/collections/" + id + "?as_of=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(api.get("/v1/collections/" + id).text("description")).isEqualTo("second");
    }

    @Test
    void cloneOfAnEarlierVersionCopiesItAndRecordsWhichVersion() {
        HttpApi.Response clone = api.post("/v1/collections/" + id + "/clone?source_version=0",
                Map.of("collection_name", "as-it-was"));

        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.at("collection.description").isNull()).isTrue();
        assertThat(clone.at("collection.enabled").asBoolean()).isTrue();
        assertThat(clone.at("collection.lineage.cloned_from.source_version").asInt()).isZero();
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"as-it-was\"")).isEqualTo(1);
    }

    @Test
    void badPointInTimeParametersAreValidationErrors() {
        for (HttpApi.Response response : List.of(
                api.get("/v1/collections/" + id + "?version=-1"),
                api.get("/v1/collections/" + id + "?version=abc"),
                api.get("/v1/collections/" + id + "?as_of=yesterday"),
                api.get("/v1/collections/" + id + "?version=1&as_of=2026-01-01T00:00:00Z"),
                api.post("/v1/collections/" + id + "/clone?source_version=9", Map.of("collection_name", "nope")),
                api.post("/v1/collections/" + id + "/clone?source_version=x", Map.of("collection_name", "nope")))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.at("detail.0.loc.0").asText()).isEqualTo("query");
        }
        assertThat(api.get("/v1/collections/" + id + "?version=7").status()).isEqualTo(200);
    }
}
