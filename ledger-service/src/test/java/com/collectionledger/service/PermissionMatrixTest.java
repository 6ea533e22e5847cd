package com.collectionledger.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, for a key with each single permission, in a namespace inside and outside its scope:
 * the answer is the route's 2xx, 403 or 404 (never another tenant's data), as the rules say.
 */
class PermissionMatrixTest extends LedgerHttpTest {

    /** A route: which permission it needs, whether it lives in a namespace, and its success status. */
    record Route(String name, String permission, boolean namespaced, int success,
                 Function<Fixture, HttpApi.Response> call) {
    }

    /** What the calls work on: the caller (key + X-Namespace), that namespace's resources, an admin there. */
    record Fixture(HttpApi caller, HttpApi admin, String namespace, String bucket, String collection,
                   String template) {

        /** A collection made just to be deleted. */
        String deletable() {
            return admin.post("/v1/collections", textCollection("doomed-" + UUID.randomUUID().toString()
                    .substring(0, 8), bucket)).text("collection_id");
        }

        /** A bucket no collection reads, made just to be deleted. */
        String deletableBucket() {
            return admin.post("/v1/buckets", Map.of("bucket_name", "doomed-" + UUID.randomUUID().toString()
                            .substring(0, 8), "bucket_schema", Map.of("properties", Map.of("a", Map.of("type", "string")))))
                    .text("bucket_id");
        }

        /** A namespace in the same scope as this one (in or out of the key's), made just to be deleted. */
        String deletableNamespace() {
            String name = namespace + "-doomed-" + UUID.randomUUID().toString().substring(0, 4);
            admin.post("/v1/namespaces", Map.of("namespace_name", name, "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));
            return name;
        }
    }

    private String team;
    private String inScope;
    private String outOfScope;

    @BeforeEach
    void twoNamespaces() {
        team = "team" + UUID.randomUUID().toString().substring(0, 6);
        inScope = team + "_search";
        outOfScope = "other" + UUID.randomUUID().toString().substring(0, 6);
        for (String namespace : List.of(inScope, outOfScope)) {
            assertThat(api().post("/v1/namespaces", Map.of("namespace_name", namespace, "feature_extractors",
                    List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))).status()).isEqualTo(200);
        }
    }

    @Test
    void everyRouteAnswersByPermissionAndScope() {
        List<String> failures = new ArrayList<>();
        for (String permission : List.of("read", "write", "delete", "admin")) {
            String secret = api().post("/v1/api-keys", Map.of("name", permission + " key",
                    "permissions", List.of(permission), "namespaces", List.of(team + "_*"))).text("key");
            for (String namespace : List.of(inScope, outOfScope)) {
                boolean inside = namespace.equals(inScope);
                Fixture fixture = fixture(new HttpApi(port, secret).inNamespace(namespace), namespace);
                for (Route route : routes()) {
                    HttpApi.Response response = route.call.apply(fixture);
                    int expected = expected(route, permission, inside);
                    if (response.status() != expected) {
                        failures.add(permission + " key, " + (inside ? "in" : "out of") + " scope, " + route.name
                                + ": expected " + expected + " got " + response);
                    }
                    if (!inside && response.status() != 200 && response.status() != 201) {
                        assertThat(response.body().toString()).as(route.name)
                                .doesNotContain(fixture.collection).doesNotContain(fixture.bucket);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void namespaceListsShowOnlyTheKeysNamespaces() {
        String secret = api().post("/v1/api-keys", Map.of("name", "lister", "permissions", List.of("read"),
                "namespaces", List.of(team + "_*"))).text("key");
        HttpApi.Response list = new HttpApi(port, secret).post("/v1/namespaces/list?limit=1000", Map.of());
        assertThat(list.at("results").findValuesAsText("namespace_name")).containsExactly(inScope);
        assertThat(list.at("total_count").asInt()).isEqualTo(1);
    }

    private static int expected(Route route, String permission, boolean inside) {
        boolean permitted = permission.equals("admin") || permission.equals(route.permission)
                || route.permission.equals("public");
        if (!permitted) {
            return 403;
        }
        if (!inside && route.namespaced) {
            return 403;
        }
        if (!inside && route.name.endsWith(" namespace") && !route.name.equals("create namespace")) {
            return 404; // a namespace the key may not use is one that does not exist
        }
        return route.success;
    }

    private Fixture fixture(HttpApi caller, String namespace) {
        HttpApi admin = api().inNamespace(namespace);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = newArticlesBucket(admin, "bucket-" + suffix);
        String collection = newTextCollection(admin, "coll-" + suffix, bucket);
        String template = admin.post("/v1/templates/collections/from-collection/" + collection,
                Map.of("template_name", "template " + suffix)).text("template_id");
        return new Fixture(caller, admin, namespace, bucket, collection, template);
    }

    private static List<Route> routes() {
        String unique = "n" + UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Route("get collection", "read", true, 200, f -> f.caller.get("/v1/collections/" + f.collection)),
                new Route("list collections", "read", true, 200, f -> f.caller.post("/v1/collections/list", Map.of())),
                new Route("history", "read", true, 200, f -> f.caller.get("/v1/collections/" + f.collection + "/history")),
                new Route("lineage", "read", true, 200, f -> f.caller.get("/v1/collections/" + f.collection + "/lineage")),
                new Route("features", "read", true, 200, f -> f.caller.get("/v1/collections/" + f.collection + "/features")),
                new Route("get bucket", "read", true, 200, f -> f.caller.get("/v1/buckets/" + f.bucket)),
                new Route("list buckets", "read", true, 200, f -> f.caller.post("/v1/buckets/list", Map.of())),
                new Route("catalog", "public", false, 200, f -> f.caller.get("/v1/collections/features/extractors")),
                new Route("get namespace", "read", false, 200, f -> f.caller.get("/v1/namespaces/" + f.namespace)),
                new Route("list namespaces", "read", false, 200, f -> f.caller.post("/v1/namespaces/list", Map.of())),
                new Route("get template", "read", true, 200,
                        f -> f.caller.get("/v1/templates/collections/" + f.template)),
                new Route("list templates", "read", true, 200,
                        f -> f.caller.post("/v1/templates/collections", Map.of())),
                new Route("create collection", "write", true, 200, f -> f.caller.post("/v1/collections",
                        textCollection("created-" + UUID.randomUUID().toString().substring(0, 8), f.bucket))),
                new Route("clone", "write", true, 201, f -> f.caller.post("/v1/collections/" + f.collection + "/clone",
                        Map.of("collection_name", "clone-" + UUID.randomUUID().toString().substring(0, 8)))),
                new Route("patch", "write", true, 200, f -> f.caller.patch("/v1/collections/" + f.collection,
                        Map.of("description", "patched"))),
                new Route("create bucket", "write", true, 200, f -> f.caller.post("/v1/buckets", Map.of(
                        "bucket_name", "b-" + UUID.randomUUID().toString().substring(0, 8),
                        "bucket_schema", Map.of("properties", Map.of("a", Map.of("type", "string")))))),
                new Route("capture template", "write", true, 201, f -> f.caller.post(
                        "/v1/templates/collections/from-collection/" + f.collection, Map.of("template_name", "t"))),
                new Route("instantiate template", "write", true, 201, f -> f.caller.post("/v1/templates/collections/"
                        + f.template + "/instantiate", Map.of("collection_name",
                        "inst-" + UUID.randomUUID().toString().substring(0, 8)))),
                new Route("delete", "delete", true, 200, f -> f.caller.delete("/v1/collections/" + f.deletable())),
                new Route("patch bucket", "write", true, 200, f -> f.caller.patch("/v1/buckets/" + f.bucket,
                        Map.of("description", "patched"))),
                new Route("put bucket", "write", true, 200, f -> f.caller.put("/v1/buckets/" + f.bucket,
                        Map.of("description", "put"))),
                new Route("delete bucket", "delete", true, 200, f -> f.caller.delete("/v1/buckets/"
                        + f.deletableBucket())),
                new Route("patch namespace", "admin", false, 200, f -> f.caller.patch("/v1/namespaces/" + f.namespace,
                        Map.of("description", "patched"))),
                new Route("put namespace", "admin", false, 200, f -> f.caller.put("/v1/namespaces/" + f.namespace,
                        Map.of("description", "put"))),
                new Route("delete namespace", "admin", false, 200, f -> f.caller.delete("/v1/namespaces/"
                        + f.deletableNamespace())),
                new Route("create namespace", "admin", false, 200, f -> f.caller.post("/v1/namespaces", Map.of(
                        "namespace_name", unique + "-" + UUID.randomUUID().toString().substring(0, 4),
                        "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))))),
                // Needs admin, and the key must be allowed the source namespace (404 otherwise, as for reading it).
                new Route("clone namespace", "admin", false, 200, f -> f.caller.post("/v1/namespaces/" + f.namespace
                        + "/clone", Map.of("namespace_name", "copy-" + UUID.randomUUID().toString().substring(0, 8)))),
                new Route("list keys", "admin", false, 200, f -> f.caller.get("/v1/api-keys")),
                new Route("replay status", "admin", false, 200, f -> f.caller.get("/v1/admin/read-model/replay")),
                new Route("checksum", "admin", false, 200, f -> f.caller.get("/v1/admin/read-model/checksum")));
    }

}
