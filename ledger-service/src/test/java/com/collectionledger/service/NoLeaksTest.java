package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret in the logs, no internals in responses, no protected field settable by PATCH. */
@ExtendWith(OutputCaptureExtension.class)
class NoLeaksTest extends LedgerHttpTest {

    @Test
    void secretsNeverReachTheLogs(CapturedOutput output) {
        HttpApi.Response created = api().post("/v1/api-keys", Map.of("name", "leak check",
                "permissions", List.of("read"), "namespaces", List.of("*")));
        String secret = created.text("key");
        new HttpApi(port, secret).post("/v1/namespaces/list", Map.of());
        new HttpApi(port, secret + "-wrong").post("/v1/namespaces/list", Map.of());
        new HttpApi(port, secret).post("/v1/namespaces", Map.of("namespace_name", "forbidden-here"));

        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(ADMIN_KEY);
    }

    @Test
    void errorsShowNoStackTracesOrSql() {
        HttpApi api = api().inNamespace(newNamespace());
        for (HttpApi.Response response : List.of(
                api.post("/v1/collections", "{\"collection_name\": \"x\"; DROP TABLE"),
                api.get("/v1/collections/%27%20OR%201=1%20--"),
                api.patch("/v1/collections/col_none", Map.of("metadata", "not an object")))) {
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at com.")
                    .doesNotContain("SELECT").doesNotContain("org.h2").doesNotContain("org.postgresql");
        }
        // Values never become SQL: an injection attempt is just a name that matches nothing.
        HttpApi.Response injected = api.post("/v1/collections/list",
                Map.of("filters", Map.of("collection_name", "x' OR '1'='1"), "search", "%' OR 1=1 --"));
        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.at("total_count").asInt()).isZero();
    }

    @Test
    void patchCannotSetProtectedFields() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newTextCollection(api, "guarded", newArticlesBucket(api, "articles"));
        for (String field : List.of("collection_id", "namespace_id", "version", "lineage", "created_at",
                "updated_at", "output_schema", "source_lineage")) {
            assertThat(api.patch("/v1/collections/" + id, Map.of(field, "forged")).status()).as(field).isEqualTo(422);
        }
        HttpApi.Response after = api.get("/v1/collections/" + id);
        assertThat(after.text("collection_id")).isEqualTo(id);
        assertThat(after.at("version").asLong()).isZero();
    }
}
