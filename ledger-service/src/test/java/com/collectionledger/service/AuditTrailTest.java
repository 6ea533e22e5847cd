package com.collectionledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event a request causes records who made it and the request ID; the stored JSON is readable. */
class AuditTrailTest extends LedgerHttpTest {

    @Test
    void cloneEventCarriesSourceConfigurationActorAndRequestId() throws Exception {
        HttpApi api = api().inNamespace(newNamespace());
        String source = newTextCollection(api, "audited", newArticlesBucket(api, "articles"));
        HttpApi.Response clone = api.with("X-Request-ID", "audit-req-1").post("/v1/collections/" + source + "/clone",
                Map.of("collection_name", "audited-copy", "description", "changed"));
        assertThat(clone.status()).isEqualTo(201);
        String cloneId = clone.text("collection.collection_id");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload, meta_data, payload_revision, sequence_number FROM domain_event_entry
                WHERE aggregate_identifier = ?""", cloneId);
        JsonNode payload = HttpApi.JSON.readTree(new String((byte[]) row.get("payload")));
        JsonNode metadata = HttpApi.JSON.readTree(new String((byte[]) row.get("meta_data")));

        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(((Number) row.get("sequence_number")).longValue()).isZero();
        assertThat(payload.get("sourceCollectionId").asText()).isEqualTo(source);
        assertThat(payload.get("sourceVersion").asLong()).isZero();
        assertThat(payload.get("overriddenFields").toString()).isEqualTo("[\"description\"]");
        assertThat(payload.at("/config/description").asText()).isEqualTo("changed");
        assertThat(payload.at("/schemas/outputSchema/properties/text_extractor_v1_embedding/type").asText())
                .isEqualTo("array");
        assertThat(payload.get("clonedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(metadata.get("requestId").asText()).isEqualTo("audit-req-1");
        assertThat(metadata.get("actorName").asText()).isEqualTo("bootstrap");
        assertThat(metadata.get("actorKeyId").asText()).startsWith("key_");
        assertThat(metadata.toString()).doesNotContain(ADMIN_KEY);
    }
}
