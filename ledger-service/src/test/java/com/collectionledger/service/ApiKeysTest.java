package com.collectionledger.service;

import com.collectionledger.service.security.ApiKeyStore;
import com.collectionledger.service.security.Permission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Key management: the secret is shown once, stored as a hash, and a revoked or expired key stops at once. */
class ApiKeysTest extends LedgerHttpTest {

    @Autowired
    ApiKeyStore keys;

    @Test
    void createdKeyIsShownOnceAndWorksWithinItsScope() {
        String namespace = newNamespace();
        HttpApi.Response created = api().post("/v1/api-keys", Map.of("name", "search team",
                "permissions", List.of("read"), "namespaces", List.of(namespace)));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String secret = created.text("key");
        assertThat(secret).matches("sk_[A-Za-z0-9]{40}");
        assertThat(created.text("key_id")).startsWith("key_");
        assertThat(created.at("permissions").toString()).isEqualTo("[\"read\"]");
        assertThat(created.at("namespaces").toString()).isEqualTo("[\"" + namespace + "\"]");

        HttpApi.Response listed = api().get("/v1/api-keys");
        assertThat(listed.body().toString()).doesNotContain(secret).doesNotContain(secret.substring(0, 11))
                .doesNotContain("hash");
        assertThat(listed.at("results").findValuesAsText("key_id")).contains(created.text("key_id"));
        assertThat(listed.at("results").findValues("key")).isEmpty();
        assertThat(jdbc.queryForList("SELECT key_hash FROM api_key", String.class)).doesNotContain(secret);

        HttpApi reader = new HttpApi(port, secret).inNamespace(namespace);
        assertThat(reader.post("/v1/collections/list", Map.of()).status()).isEqualTo(200);
        assertThat(reader.post("/v1/buckets", Map.of("bucket_name", "nope")).status()).isEqualTo(403);
    }

    @Test
    void revokedExpiredAndUnknownKeysGetTheSameAnswer() {
        String namespace = newNamespace();
        HttpApi.Response created = api().post("/v1/api-keys", Map.of("name", "short lived",
                "permissions", List.of("read", "write"), "namespaces", List.of("*")));
        HttpApi revoked = new HttpApi(port, created.text("key")).inNamespace(namespace);
        assertThat(revoked.post("/v1/collections/list", Map.of()).status()).isEqualTo(200);
        assertThat(api().delete("/v1/api-keys/" + created.text("key_id")).status()).isEqualTo(200);

        String expiredSecret = ApiKeyStore.newSecret();
        keys.store("expired", expiredSecret, Set.of(Permission.ADMIN), List.of("*"), Instant.now().minusSeconds(1));
        HttpApi expired = new HttpApi(port, expiredSecret).inNamespace(namespace);
        HttpApi unknown = new HttpApi(port, ApiKeyStore.newSecret()).inNamespace(namespace);

        HttpApi.Response first = revoked.post("/v1/collections/list", Map.of());
        assertThat(first.status()).isEqualTo(401);
        for (HttpApi client : List.of(expired, unknown)) {
            HttpApi.Response response = client.post("/v1/collections/list", Map.of());
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(first.body());
        }
        assertThat(api().get("/v1/api-keys").at("results").toString()).contains("\"revoked_at\":\"");
        assertThat(api().delete("/v1/api-keys/key_nosuchkey").status()).isEqualTo(404);
    }

    @Test
    void badKeyRequestsAreValidationErrors() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("permissions", List.of("read"), "namespaces", List.of("*")),
                Map.<String, Object>of("name", "x", "permissions", List.of("root"), "namespaces", List.of("*")),
                Map.<String, Object>of("name", "x", "permissions", List.of(), "namespaces", List.of("*")),
                Map.<String, Object>of("name", "x", "permissions", List.of("read"), "namespaces", List.of()),
                Map.<String, Object>of("name", "x", "permissions", List.of("read"), "namespaces", List.of("a b")),
                Map.<String, Object>of("name", "x", "permissions", List.of("read"), "namespaces", List.of("*"),
                        "expires_at", "2001-01-01T00:00:00Z"))) {
            HttpApi.Response response = api().post("/v1/api-keys", body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(422);
        }
    }
}
