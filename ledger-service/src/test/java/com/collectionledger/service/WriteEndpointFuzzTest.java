package com.collectionledger.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.collectionledger.service.Fuzz.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Property-based fuzzing of every write route (and the list routes, which are POSTs too) with
 * generated hostile input: malformed JSON, wrong types, huge and deep bodies, odd strings, odd
 * headers and identifiers. Whatever comes in: never a 5xx, every error is the error envelope
 * ({@code {"success": false, "status", "error": {...}}}) with no stack trace or SQL in it, a rejected
 * request stores no event, and what an accepted request stored can be read back.
 *
 * <p>Each property is a test that runs a fixed number of tries with {@link Fuzz}, from a seed of its
 * own ({@code -Dfuzz.seed} replays a failure: the message names the seed and the try). The service is
 * started once for the class, on a fresh store: H2 files, or PostgreSQL in the second surefire execution.
 */
class WriteEndpointFuzzTest {

    private static final String KEY = "sk_test_fuzz_0123456789abcdefghijklmnopqrstuvwx";
    private static final String NAMESPACE = "fuzz";
    private static final String TARGET_NAMESPACE = "fuzz-target";
    /** The schema of the bucket the source collection reads: a PATCH or PUT of it may only add fields. */
    private static final Map<String, Object> ARTICLES_SCHEMA = Map.of("properties", Map.of(
            "title", Map.of("type", "string"), "content", Map.of("type", "text"),
            "meta", Map.of("type", "object", "properties", Map.of("lang", Map.of("type", "string")))));
    private static final int BODY_LIMIT = 256 * 1024;
    /** Jackson's default nesting limit: a body deeper than this can never be read, so it is a 400. */
    private static final int MAX_READABLE_DEPTH = 1000;
    private static final List<String> LEAKS = List.of("Exception", "at com.", "SQL", "org.h2", "org.postgresql");

    /** The test's own parser: strict (one value, nothing after it) and able to read anything the service writes. */
    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20_000).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static HttpClient client;
    private static String baseUrl;
    private static String bucketId;
    private static String sourceId;
    private static String templateId;
    private static String targetNamespaceId;
    private static HttpApi admin;

    // ---------------------------------------------------------------------------------------------
    // The service, once per class

    @BeforeAll
    static void startService() throws IOException {
        dataDir = Files.createTempDirectory("ledger-fuzz");
        app = new SpringApplicationBuilder(LedgerApplication.class).run(TestDatabase.freshStoreArguments(dataDir,
                "--server.port=0", "--ledger.bootstrap-api-key=" + KEY, "--ledger.read-your-writes-timeout=3s"));
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        admin = new HttpApi(((WebServerApplicationContext) app).getWebServer().getPort(), KEY);
        expectOk(admin.post("/v1/namespaces", Map.of("namespace_name", NAMESPACE, "feature_extractors", List.of(
                Map.of("feature_extractor_name", "text_extractor", "version", "v1"),
                Map.of("feature_extractor_name", "scene_extractor", "version", "v1"),
                Map.of("feature_extractor_name", "multimodal_extractor", "version", "v1")))));
        HttpApi api = admin.inNamespace(NAMESPACE);
        bucketId = expectOk(api.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                ARTICLES_SCHEMA))).text("bucket_id");
        sourceId = expectOk(api.post("/v1/collections", LedgerHttpTest.textCollection("source", bucketId)))
                .text("collection_id");
        // A live dependent: the source can never be deleted, so every DELETE of it is a rejection.
        expectOk(api.post("/v1/collections", Map.of("collection_name", "dependent",
                "source", Map.of("type", "collection", "collection_id", sourceId),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "text_extractor_v1_embedding")))));
        templateId = api.post("/v1/templates/collections/from-collection/" + sourceId,
                Map.of("template_name", "source template")).text("template_id");
        // The namespace the namespace changes target (by ID: a fuzzed rename must not lose it). A live
        // collection there uses text_extractor, so a body that drops it is a rejection.
        targetNamespaceId = expectOk(admin.post("/v1/namespaces", Map.of("namespace_name", TARGET_NAMESPACE,
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))))
                .text("namespace_id");
        HttpApi target = admin.inNamespace(targetNamespaceId);
        String targetBucket = expectOk(target.post("/v1/buckets", Map.of("bucket_name", "articles", "bucket_schema",
                Map.of("properties", Map.of("title", Map.of("type", "string"), "content", Map.of("type", "text"))))))
                .text("bucket_id");
        expectOk(target.post("/v1/collections", LedgerHttpTest.textCollection("user", targetBucket)));
    }

    /** A namespace made to be deleted by one request. */
    private static String doomedNamespace() {
        return expectOk(admin.post("/v1/namespaces", Map.of("namespace_name", uniqueName("doomed"),
                "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1")))))
                .text("namespace_id");
    }

    @AfterAll
    static void stopService() {
        if (app != null) {
            app.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The routes and their valid bodies

    enum Route {
        CREATE_NAMESPACE("POST", "/v1/namespaces", true),
        CREATE_BUCKET("POST", "/v1/buckets", true),
        CREATE_COLLECTION("POST", "/v1/collections", true),
        PATCH_COLLECTION("PATCH", "/v1/collections/{id}", true),
        DELETE_COLLECTION("DELETE", "/v1/collections/{id}", false),
        CLONE_COLLECTION("POST", "/v1/collections/{id}/clone", true),
        LIST_COLLECTIONS("POST", "/v1/collections/list", true),
        PATCH_BUCKET("PATCH", "/v1/buckets/{id}", true),
        PUT_BUCKET("PUT", "/v1/buckets/{id}", true),
        DELETE_BUCKET("DELETE", "/v1/buckets/{id}", false),
        PATCH_NAMESPACE("PATCH", "/v1/namespaces/{id}", true),
        PUT_NAMESPACE("PUT", "/v1/namespaces/{id}", true),
        DELETE_NAMESPACE("DELETE", "/v1/namespaces/{id}", false),
        CLONE_NAMESPACE("POST", "/v1/namespaces/{id}/clone", true),
        LIST_BUCKETS("POST", "/v1/buckets/list", true),
        LIST_NAMESPACES("POST", "/v1/namespaces/list", true),
        CAPTURE_TEMPLATE("POST", "/v1/templates/collections/from-collection/{id}", true),
        INSTANTIATE_TEMPLATE("POST", "/v1/templates/collections/{template}/instantiate", true),
        LIST_TEMPLATES("POST", "/v1/templates/collections", true);

        final String method;
        final String template;
        /** Whether the route reads its body (malformed JSON must then be a 400). */
        final boolean readsBody;

        Route(String method, String template, boolean readsBody) {
            this.method = method;
            this.template = template;
            this.readsBody = readsBody;
        }

        String path(String identifier) {
            return template.replace("{id}", identifier).replace("{template}", templateId);
        }

        /**
         * The route on its target: the source collection (read by a dependent), the bucket it reads,
         * the target namespace, or for a namespace's deletion a namespace made for it. A namespace clone
         * copies the target namespace, whose one bucket and one collection no route adds to: every
         * accepted clone costs the same, however many came before.
         */
        String path() {
            return path(switch (this) {
                case PATCH_BUCKET, PUT_BUCKET, DELETE_BUCKET -> bucketId;
                case PATCH_NAMESPACE, PUT_NAMESPACE, CLONE_NAMESPACE -> targetNamespaceId;
                case DELETE_NAMESPACE -> doomedNamespace();
                default -> sourceId;
            });
        }

        boolean deletes() {
            return method.equals("DELETE");
        }

        boolean namespaced() {
            return !template.startsWith("/v1/namespaces");
        }
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** A body the route would accept (or that differs from an accepted one only by its generated name). */
    static ObjectNode validBody(Route route) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> source = Map.of("type", "bucket", "bucket_ids", List.of(bucketId));
        Map<String, Object> extractor = new LinkedHashMap<>();
        extractor.put("feature_extractor_name", "text_extractor");
        extractor.put("version", "v1");
        extractor.put("parameters", Map.of("chunk_size", 500, "split_by", "words", "model", "m"));
        extractor.put("input_mappings", Map.of("text", "content"));
        extractor.put("field_passthrough", List.of(Map.of("source_path", "title", "target_path", "headline",
                "default", "untitled", "required", false), Map.of("source_path", "meta.lang")));
        extractor.put("include_all_source_fields", false);
        List<Map<String, Object>> taxonomies = List.of(Map.of("taxonomy_id", "tax_genres",
                "execution_mode", "on_demand", "execution_phase", 2, "priority", 10));
        Map<String, Object> metadata = Map.of("team", "search", "tags", List.of("a", "b"), "level", 3,
                "nested", Map.of("ok", true));
        List<Map<String, Object>> payloadIndexes = List.of(Map.of("field_name", "metadata.title", "type", "text",
                "field_schema", Map.of("type", "text", "tokenizer", "word", "min_token_len", 2, "max_token_len", 15,
                        "lowercase", true), "is_protected", false), Map.of("field_name", "user_id", "type", "keyword"));
        switch (route) {
            case CREATE_NAMESPACE -> {
                body.put("namespace_name", uniqueName("ns"));
                body.put("namespace_type", "standard");
                body.put("description", "a namespace");
                body.put("feature_extractors", List.of(
                        Map.of("feature_extractor_name", "text_extractor", "version", "v1"),
                        Map.of("feature_extractor_name", "image_extractor", "version", "v2")));
                body.put("payload_indexes", payloadIndexes);
                body.put("auto_create_indexes", true);
            }
            case PATCH_NAMESPACE, PUT_NAMESPACE -> {
                body.put("namespace_name", TARGET_NAMESPACE);
                body.put("description", "the target");
                body.put("feature_extractors", List.of(
                        Map.of("feature_extractor_name", "text_extractor", "version", "v1"),
                        Map.of("feature_extractor_name", "image_extractor", "version", "v1",
                                "params", Map.of("model", "siglip_base"))));
                body.put("payload_indexes", payloadIndexes);
                body.put("auto_create_indexes", false);
            }
            case CLONE_NAMESPACE -> {
                body.put("namespace_name", uniqueName("copy"));
                body.put("description", "a copy of the target");
                body.put("include_resources", Map.of("collections", true, "retrievers", false, "taxonomies", false));
            }
            case PATCH_BUCKET, PUT_BUCKET -> {
                body.put("bucket_name", "articles");
                body.put("description", "the source's bucket");
                body.put("bucket_schema", ARTICLES_SCHEMA);
                body.put("metadata", metadata);
            }
            case CREATE_BUCKET -> {
                body.put("bucket_name", uniqueName("bkt"));
                body.put("description", "a bucket");
                body.put("bucket_schema", Map.of("properties", Map.of(
                        "title", Map.of("type", "string", "description", "the title", "required", true),
                        "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                        "author", Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"))))));
                body.put("metadata", metadata);
                body.put("unique_key", Map.of("fields", List.of("title"), "default_policy", "upsert"));
            }
            case CREATE_COLLECTION -> {
                body.put("collection_name", uniqueName("col"));
                body.put("description", "a collection");
                body.put("source", source);
                body.put("feature_extractor", extractor);
                body.put("enabled", true);
                body.put("metadata", metadata);
                body.put("taxonomy_applications", taxonomies);
                body.put("input_schema", Map.of("properties", Map.of("title", Map.of("type", "string"),
                        "content", Map.of("type", "text"), "meta", Map.of("type", "object"))));
            }
            case PATCH_COLLECTION -> {
                body.put("description", "patched");
                body.put("enabled", true);
                body.put("metadata", metadata);
                body.put("taxonomy_applications", taxonomies);
            }
            case CLONE_COLLECTION -> {
                body.put("collection_name", uniqueName("clone"));
                body.put("description", "a clone");
                body.put("source", source);
                body.put("feature_extractor", extractor);
                body.put("enabled", false);
                body.put("metadata", metadata);
                body.put("taxonomy_applications", taxonomies);
            }
            case CAPTURE_TEMPLATE -> {
                body.put("template_name", uniqueName("Template"));
                body.put("description", "a template");
                body.put("scope", "organization");
                body.put("category", "fuzz");
                body.put("tags", List.of("a", "b"));
                body.put("is_public", false);
            }
            case INSTANTIATE_TEMPLATE -> {
                body.put("collection_name", uniqueName("inst"));
                body.put("bucket_ids", List.of(bucketId));
                body.put("description", "an instance");
                body.put("tags", List.of("a"));
            }
            case LIST_TEMPLATES -> {
                body.put("filters", Map.of("AND", List.of(Map.of("field", "category", "operator", "eq",
                        "value", "fuzz"))));
                body.put("sort", Map.of("field", "name", "direction", "desc"));
                body.put("search", "t");
                body.put("scope", "organization");
                body.put("category", "fuzz");
                body.put("tags", List.of("a"));
                body.put("is_active", true);
            }
            case LIST_COLLECTIONS -> {
                body.put("filters", Map.of("AND", List.of(Map.of("field", "source_type", "operator", "eq",
                        "value", "bucket"), Map.of("field", "generation", "value", 0),
                        Map.of("OR", List.of(Map.of("field", "source.bucket_ids", "operator", "in",
                                        "value", List.of(bucketId)),
                                Map.of("field", "metadata.level", "operator", "gte", "value", 3),
                                Map.of("NOT", List.of(Map.of("field", "collection_name", "operator", "regex",
                                        "value", "^x[a-z]{1,3}$"))))))));
                body.put("sort", Map.of("field", "collection_name", "direction", "desc"));
                body.put("search", "o");
                body.put("case_sensitive", false);
            }
            case LIST_BUCKETS -> {
                body.put("filters", Map.of("bucket_name", Map.of("$starts_with", "bkt"), "metadata.team", "search"));
                body.put("sort", Map.of("field", "created_at", "direction", "desc"));
                body.put("search", "b");
                body.put("case_sensitive", true);
                body.put("limit", 5);
                body.put("offset", 1);
            }
            case LIST_NAMESPACES -> {
                body.put("filters", Map.of("AND", List.of(Map.of("field", "feature_extractors.feature_extractor_id",
                        "operator", "eq", "value", "text_extractor_v1"))));
                body.put("sort", Map.of("field", "namespace_name", "direction", "asc"));
                body.put("search", "ns");
                body.put("case_sensitive", false);
            }
            default -> {
                // DELETE reads no body
            }
        }
        return STRICT.valueToTree(body);
    }

    /** Every path to a value in the tree (object fields and array items), depth first. */
    static List<List<Object>> paths(JsonNode node) {
        List<List<Object>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<Object> path = new ArrayList<>(prefix);
                path.add(field.getKey());
                into.add(path);
                collect(field.getValue(), path, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                into.add(path);
                collect(node.get(i), path, into);
            }
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    /** A copy of the tree with the value at {@code path} replaced (or, with {@code null} as value, removed). */
    static ObjectNode replaced(ObjectNode root, List<Object> path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, value);
            }
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------
    // Generated values

    /** Strings that may echo in error messages must not look like the leaks the properties look for. */
    private static boolean harmless(String s) {
        return LEAKS.stream().noneMatch(s::contains);
    }

    private static final List<String> ODD_STRINGS = List.of("", " ", "\t", "\u0000", "a\u0000b", "abc\u0000",
            "\u0001\u0002\u001f", "\u007f\u0085\u009f", "\r\n", "😀", "😀😀😀", "name-😀", "\u202Eevil", "שלום", "مرحبا",
            "e\u0301\u0301\u0301\u0301", "\u200B\u200D\uFEFF", "\uD800", "a\uDC00b", "\uFFFF", "col_x12",
            "bkt_x12", "ns_x12", "../..", "%00", "%2F", "<script>", "' OR '1'='1", "null", "true", "0",
            "-1", "1e400", "x".repeat(2), "x".repeat(3), "x".repeat(100), "x".repeat(101),
            "d".repeat(2000), "d".repeat(2001), "😀".repeat(2000), "😀".repeat(2001));

    static String oddString(Fuzz fuzz) {
        return fuzz.frequency(
                weighted(3, () -> fuzz.of(ODD_STRINGS)),
                weighted(3, () -> fuzz.filtered(() -> fuzz.anyString(0, 40), WriteEndpointFuzzTest::harmless)),
                weighted(2, () -> fuzz.stringOfRange('\u0000', '\u001f', 1, 10)),
                weighted(1, () -> fuzz.stringOf("😀🎉👩‍👩‍👧\u0301\u202E\u200F\u0000", 1, 3000)));
    }

    static JsonNode oddNumber(Fuzz fuzz) {
        return fuzz.of(
                NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MAX_VALUE),
                NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(2147483648L), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                NODES.numberNode(new BigInteger("-99999999999999999999999999999999999")),
                NODES.numberNode(new BigDecimal("1E+400")), NODES.numberNode(new BigDecimal("-1E+400")),
                NODES.numberNode(new BigDecimal("1E-400")), NODES.numberNode(1.5), NODES.numberNode(-0.0),
                NODES.numberNode(1001), NODES.numberNode(4), NODES.numberNode(100001), NODES.numberNode(Double.MAX_VALUE));
    }

    static JsonNode anyJsonValue(Fuzz fuzz) {
        return fuzz.<JsonNode>frequency(
                weighted(3, () -> NODES.textNode(oddString(fuzz))),
                weighted(3, () -> oddNumber(fuzz)),
                weighted(2, () -> fuzz.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false),
                        NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().addNull(),
                        NODES.arrayNode().add(NODES.objectNode()), NODES.objectNode().putNull("x"),
                        NODES.arrayNode().add("x").add(1).add(true),
                        NODES.objectNode().put("type", "bucket").put("unknown", 1))),
                weighted(1, () -> NODES.arrayNode().add(oddString(fuzz))),
                weighted(1, () -> {
                    String s = oddString(fuzz);
                    return NODES.objectNode().put(s, s);
                }));
    }

    /** A value of another JSON type than {@code original}'s. */
    static JsonNode wrongTypeFor(JsonNode original, Fuzz fuzz) {
        List<JsonNode> candidates = new ArrayList<>();
        if (!original.isTextual()) {
            candidates.add(NODES.textNode("text"));
            candidates.add(NODES.textNode(""));
        }
        if (!original.isNumber()) {
            candidates.add(NODES.numberNode(42));
            candidates.add(NODES.numberNode(new BigDecimal("1E+400")));
            candidates.add(NODES.numberNode(-1.5));
        }
        if (!original.isBoolean()) {
            candidates.add(NODES.booleanNode(true));
        }
        if (!original.isObject()) {
            candidates.add(NODES.objectNode());
            candidates.add(NODES.objectNode().put("a", 1));
        }
        if (!original.isArray()) {
            candidates.add(NODES.arrayNode());
            candidates.add(NODES.arrayNode().add(1).add("x"));
            candidates.add(NODES.arrayNode().addNull());
        }
        candidates.add(NODES.nullNode());
        return fuzz.of(candidates);
    }

    // ---------------------------------------------------------------------------------------------
    // Requests, replies and the properties every reply must have

    record Request(String description, String method, String path, byte[] body, Map<String, String> headers,
                   boolean chunked) {

        Request(Route route, String path, byte[] body) {
            this(route.name(), route.method, path, body, defaultHeaders(route), false);
        }

        Request with(String header, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            if (value == null) {
                copy.remove(header);
            } else {
                copy.put(header, value);
            }
            return new Request(description, method, path, body, copy, chunked);
        }

        Request asChunked() {
            return new Request(description, method, path, body, headers, true);
        }

        @Override
        public String toString() {
            String text = body == null ? "<none>" : new String(body, StandardCharsets.UTF_8);
            String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
            return description + ": " + method + " " + path + " " + headers.keySet() + (chunked ? " chunked" : "")
                    + " " + shown;
        }
    }

    private static Map<String, String> defaultHeaders(Route route) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + KEY);
        headers.put("Content-Type", "application/json");
        if (route.namespaced()) {
            headers.put("X-Namespace", NAMESPACE);
        }
        return headers;
    }

    static Request json(Route route, String path, JsonNode body) {
        return new Request(route, path, wire(body));
    }

    /** The body as UTF-8, with any unpaired surrogate (which UTF-8 cannot carry) as a JSON escape. */
    static byte[] wire(JsonNode body) {
        String text;
        try {
            text = STRICT.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return utf8(out.toString());
    }

    static Request json(Route route, JsonNode body) {
        return json(route, route.path(), body);
    }

    record Reply(int status, String body, JsonNode json) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    static Reply send(Request request) {
        try {
            HttpRequest.BodyPublisher publisher = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body());
            if (request.chunked() && request.body() != null) {
                publisher = HttpRequest.BodyPublishers.fromPublisher(publisher); // no length: chunked
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                    .timeout(Duration.ofSeconds(60)).method(request.method(), publisher);
            request.headers().forEach(builder::header);
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = text.isBlank() ? null : STRICT.readTree(text);
            } catch (IOException notJson) {
                json = null;
            }
            return new Reply(response.statusCode(), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(request.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long storedEvents() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    static List<String> latestEvents(int n) {
        return jdbc.query("SELECT payload_type, aggregate_identifier, sequence_number FROM domain_event_entry "
                        + "ORDER BY global_index DESC LIMIT " + Math.max(1, Math.min(n, 10)),
                (row, i) -> row.getString(1) + " " + row.getString(2) + "#" + row.getLong(3));
    }

    /** Sends the request and checks what every reply must satisfy; answers the reply for more checks. */
    static Reply exchange(Request request) {
        long before = storedEvents();
        Reply reply = send(request);
        String context = request + "\n  -> " + reply;
        assertThat(reply.status()).as("never a server error: " + context).isLessThan(500);
        for (String leak : LEAKS) {
            assertThat(reply.body()).as("no internals in the body: " + context).doesNotContain(leak);
        }
        if (reply.ok()) {
            assertStoredIsReadable(request, reply);
        } else {
            assertEnvelope(reply, context);
            long after = storedEvents();
            if (after != before) {
                throw new AssertionError("a rejected request stores nothing, but " + (after - before)
                        + " event(s) appeared: " + latestEvents((int) (after - before)) + "\n" + context);
            }
        }
        return reply;
    }

    static void assertEnvelope(Reply reply, String context) {
        JsonNode body = reply.json();
        assertThat(body).as("a JSON error body: " + context).isNotNull();
        assertThat(body.isObject()).as("an object: " + context).isTrue();
        assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean())
                .as("success: false: " + context).isTrue();
        assertThat(body.path("status").isInt() && body.path("status").asInt() == reply.status())
                .as("status equal to the HTTP status: " + context).isTrue();
        JsonNode error = body.path("error");
        assertThat(error.path("type").isTextual() && !error.path("type").asText().isBlank())
                .as("error.type: " + context).isTrue();
        assertThat(error.path("message").isTextual() && !error.path("message").asText().isBlank())
                .as("error.message: " + context).isTrue();
        assertThat(error.path("details").isObject()).as("error.details object: " + context).isTrue();
        if (reply.status() == 422) {
            assertThat(error.path("type").asText()).as(context).isEqualTo("ValidationError");
            JsonNode violations = error.path("details").path("validation_errors");
            assertThat(violations.isArray() && !violations.isEmpty()).as("validation_errors: " + context).isTrue();
            for (JsonNode violation : violations) {
                assertThat(violation.path("location").isArray() && violation.path("type").isTextual()
                        && violation.path("message").isTextual()).as("{type, location, message}: " + context).isTrue();
            }
            JsonNode detail = body.path("detail");
            assertThat(detail.isArray() && detail.size() == violations.size()).as("detail[]: " + context).isTrue();
            for (JsonNode item : detail) {
                assertThat(item.path("loc").isArray() && !item.path("loc").isEmpty()
                        && item.path("msg").isTextual() && item.path("type").isTextual())
                        .as("{loc, msg, type}: " + context).isTrue();
            }
        }
    }

    /**
     * What an accepted write stored must be readable: GET (and a collection's history) answer JSON; what
     * an accepted delete removed answers 404.
     */
    static void assertStoredIsReadable(Request request, Reply reply) {
        String context = request + "\n  -> " + reply;
        assertThat(reply.json()).as("a JSON body: " + context).isNotNull();
        JsonNode json = reply.json();
        List<String> reads = new ArrayList<>();
        if (json.hasNonNull("collection") && json.path("collection").hasNonNull("collection_id")) {
            json = json.path("collection");
        } else if (json.hasNonNull("namespace") && json.path("namespace").hasNonNull("namespace_id")) {
            json = json.path("namespace");
        }
        if (json.hasNonNull("collection_id") && json.hasNonNull("collection_name")) {
            reads.add("/v1/collections/" + json.path("collection_id").asText());
            reads.add("/v1/collections/" + json.path("collection_id").asText() + "/history?limit=1000");
        } else if (json.hasNonNull("template_id") && json.hasNonNull("template_type")) {
            reads.add("/v1/templates/collections/" + json.path("template_id").asText());
        } else if (json.hasNonNull("bucket_id")) {
            reads.add("/v1/buckets/" + json.path("bucket_id").asText());
        } else if (json.hasNonNull("namespace_id")) {
            reads.add("/v1/namespaces/" + json.path("namespace_id").asText());
        }
        // What an accepted delete removed is gone.
        int expected = request.method().equals("DELETE") ? 404 : 200;
        for (String path : reads) {
            Request read = new Request("read back", "GET", path, null, Map.of("Authorization", "Bearer " + KEY,
                    "X-Namespace", NAMESPACE), false);
            Reply back = send(read);
            assertThat(back.status()).as("stored data reads back: " + path + " after " + context).isEqualTo(expected);
            assertThat(back.json()).as("as JSON: " + path + " after " + context).isNotNull();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Malformed JSON

    private static final List<Route> BODY_ROUTES = Arrays.stream(Route.values()).filter(r -> r.readsBody).toList();

    static Request malformedBody(Fuzz fuzz) {
        Route route = fuzz.of(BODY_ROUTES);
        String valid = validBody(route).toString();
        return fuzz.frequency(
                weighted(6, () -> new Request(route, route.path(), utf8(fuzz.<String>oneOf(
                        () -> valid.substring(0, fuzz.between(1, valid.length() - 1)),
                        () -> {
                            int i = fuzz.between(0, valid.length() - 1);
                            char c = valid.charAt(i);
                            char swapped = switch (c) {
                                case '{' -> '[';
                                case '[' -> '{';
                                case '}' -> ']';
                                case ']' -> '}';
                                case ':' -> ',';
                                case ',' -> ':';
                                case '"' -> '\'';
                                default -> '}';
                            };
                            return valid.substring(0, i) + swapped + valid.substring(i + 1);
                        },
                        () -> {
                            int i = fuzz.between(0, valid.length());
                            String junk = fuzz.of("@", "}", "]", "{", "[", ",", ":", "\"", "\\", "NaN", "undefined",
                                    "/*c*/", "'", "\u0000", "\u0007", "\n}", "{{", "]]", ",,", "0x1F", "+1", ".5", "01");
                            return valid.substring(0, i) + junk + valid.substring(i);
                        },
                        () -> valid + fuzz.of(" x", "}", "]", " {}", " []", ",", " null", " 1", "\u0000", ";"),
                        () -> fuzz.of("{", "}", "[", "]", "{]", "[}", "{{}}", "{\"a\"}", "{\"a\":}",
                                "{a:1}", "{'a':1}", "{\"a\":1,}", "[1,]", "\"unterminated", "tru", "nul", "NaN",
                                "Infinity", "{\"a\":01}", "{\"a\":-}", "{\"a\":\"\\x\"}", "{\"a\":\"\\uZZZZ\"}",
                                "// comment\n{}", "{\"a\":1}{\"b\":2}", "\u0000", "<xml/>", "a=1&b=2",
                                "{\"collection_name\": "))))),
                weighted(2, () -> new Request(route, route.path(), fuzz.bytes(1, 200))),
                weighted(1, () -> {
                    byte[] bad = fuzz.of(new byte[]{(byte) 0xff, (byte) 0xfe}, new byte[]{(byte) 0xc3, (byte) 0x28},
                            new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                            new byte[]{(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
                    String[] halves = valid.split("\"", 4);
                    // the bad bytes inside the first string value or key
                    byte[] head = utf8(halves[0] + "\"" + halves[1]);
                    byte[] tail = utf8(valid.substring(halves[0].length() + halves[1].length() + 1));
                    byte[] all = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(bad, 0, all, head.length, bad.length);
                    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
                    return new Request(route, route.path(), all);
                }));
    }

    static boolean strictlyParses(byte[] body) {
        try {
            STRICT.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        // A body that does not parse is refused before anything reaches the store: on H2 only. The few
        // generated bodies that do parse are what the other properties send, on both stores.
        assumeFalse(TestDatabase.POSTGRES, "parsing comes before the store");
        Fuzz.forAll("malformedJsonIsABadRequest", 0x6d616c666f726d65L, 200, WriteEndpointFuzzTest::malformedBody,
                request -> {
                    Reply reply = exchange(request);
                    if (!strictlyParses(request.body())) {
                        String context = request + "\n  -> " + reply;
                        assertThat(reply.status()).as("malformed JSON is a 400: " + context).isEqualTo(400);
                        assertThat(reply.json().path("error").path("type").asText()).as(context)
                                .isEqualTo("BadRequestError");
                    }
                });
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Wrong JSON types, for every field

    static Request wrongType(Fuzz fuzz) {
        Route route = fuzz.of(BODY_ROUTES);
        ObjectNode valid = validBody(route);
        List<List<Object>> paths = paths(valid);
        return fuzz.frequency(
                weighted(1, () -> json(route, fuzz.of(NODES.arrayNode(), NODES.textNode("x"), NODES.numberNode(1),
                        NODES.booleanNode(false), NODES.arrayNode().add(valid)))),
                weighted(9, () -> {
                    List<Object> path = fuzz.of(paths);
                    return json(route, replaced(valid, path, wrongTypeFor(at(valid, path), fuzz)));
                }));
    }

    @Test
    void everyFieldWithAWrongType() {
        Fuzz.forAll("everyFieldWithAWrongType", 0x77726f6e67747970L, 200, WriteEndpointFuzzTest::wrongType,
                request -> {
                    Reply reply = exchange(request);
                    assertThat(reply.status()).as(request + "\n  -> " + reply).isIn(200, 201, 400, 404, 409, 422);
                });
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Valid-looking bodies with one field mutated: odd strings, numbers, nulls, unknown or missing fields

    /** Now and then a request sent before, again: a create is then a conflict over its name. */
    static Request mutatedBody(Fuzz fuzz) {
        return fuzz.withDuplicates("mutatedBody", 0.1, () -> newMutatedBody(fuzz));
    }

    static Request newMutatedBody(Fuzz fuzz) {
        Route route = fuzz.of(BODY_ROUTES);
        ObjectNode valid = validBody(route);
        List<List<Object>> paths = paths(valid);
        return fuzz.frequency(
                weighted(6, () -> {
                    List<Object> path = fuzz.of(paths);
                    return json(route, replaced(valid, path, anyJsonValue(fuzz)));
                }),
                weighted(2, () -> json(route, replaced(valid, fuzz.of(paths), null))),
                weighted(2, () -> {
                    List<Object> path = fuzz.of(paths);
                    List<Object> parent = path.subList(0, path.size() - 1);
                    String name = fuzz.filtered(() -> oddString(fuzz), s -> !s.isEmpty());
                    JsonNode value = anyJsonValue(fuzz);
                    ObjectNode copy = valid.deepCopy();
                    JsonNode target = at(copy, parent);
                    if (target instanceof ObjectNode object && !object.has(name)) {
                        object.set(name, value);
                    } else {
                        copy.set(name, value);
                    }
                    return json(route, copy);
                }),
                weighted(1, () -> json(route, validBody(route))));
    }

    @Test
    void validLookingBodiesWithOneFieldMutated() {
        Fuzz.forAll("validLookingBodiesWithOneFieldMutated", 0x6d75746174656421L, 200,
                WriteEndpointFuzzTest::mutatedBody, WriteEndpointFuzzTest::exchange);
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Huge bodies: up to ~300 KiB, 413 beyond 256 KiB (declared length or chunked)

    private static final List<Route> SIZED_ROUTES = Arrays.stream(Route.values())
            .filter(r -> !r.deletes()).toList();

    static Request hugeBody(Fuzz fuzz) {
        Route route = fuzz.of(SIZED_ROUTES);
        int size = fuzz.frequency(
                weighted(3, () -> fuzz.between(0, 300 * 1024)),
                weighted(2, () -> fuzz.between(BODY_LIMIT - 64, BODY_LIMIT + 64)),
                weighted(1, () -> fuzz.of(BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, 300 * 1024)));
        String filler = fuzz.of("x", "😀", "é", "\u0000", "\\n", "ab\"");
        boolean chunked = fuzz.bool();
        boolean inDescription = fuzz.bool();
        ObjectNode valid = validBody(route);
        String field = inDescription && valid.has("description") ? "description" : "padding";
        valid.put(field, "");
        String unit = filler.equals("\\n") ? "\n" : filler;
        int base = wire(valid).length;
        int unitBytes = wire(NODES.textNode(unit)).length - 2;
        String text = unit.repeat(Math.max(0, (size - base) / unitBytes));
        valid.put(field, text);
        Request request = json(route, valid);
        return chunked ? request.asChunked() : request;
    }

    @Test
    void bodiesOverTheLimitAreTooLarge() {
        Fuzz.forAll("bodiesOverTheLimitAreTooLarge", 0x746f6f6c61726765L, 100, WriteEndpointFuzzTest::hugeBody,
                request -> {
                    Reply reply = exchange(request);
                    String context = request + "\n  -> " + reply;
                    boolean bodyRead = Route.valueOf(request.description()).readsBody;
                    if (request.body().length > BODY_LIMIT && (bodyRead || !request.chunked())) {
                        // A declared length is checked up front; a chunked body as it is read (a route that
                        // reads no body never reads it, and the container discards it).
                        assertThat(reply.status()).as("over the limit: " + context).isEqualTo(413);
                        assertThat(reply.json().path("error").path("type").asText()).as(context)
                                .isEqualTo("PayloadTooLargeError");
                    } else {
                        assertThat(reply.status()).as("within the limit: " + context).isNotEqualTo(413);
                    }
                });
    }

    // ---------------------------------------------------------------------------------------------
    // 5. Deep nesting: arrays and objects, thousands deep, at any field or as the whole body

    static String nested(int depth, String kind) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = kind.equals("array") || (kind.equals("mixed") && i % 2 == 0);
            open.append(array ? "[" : "{\"a\":");
            close.append(array ? "]" : "}");
        }
        return open + "1" + close.reverse();
    }

    record Deep(Request request, int depth) {
        @Override
        public String toString() {
            return "depth " + depth + ": " + request;
        }
    }

    static Deep deepBody(Fuzz fuzz) {
        Route route = fuzz.of(BODY_ROUTES);
        ObjectNode valid = validBody(route);
        List<List<Object>> paths = paths(valid);
        List<Object> path = fuzz.frequency(weighted(1, List::of), weighted(6, () -> fuzz.of(paths)));
        int depth = fuzz.frequency(
                weighted(3, () -> fuzz.between(1, 5000)),
                weighted(3, () -> fuzz.between(MAX_READABLE_DEPTH - 12, MAX_READABLE_DEPTH + 2)),
                weighted(1, () -> fuzz.between(100, 600)));
        String kind = fuzz.of("array", "object", "mixed");
        String deep = nested(depth, kind);
        if (path.isEmpty()) {
            return new Deep(new Request(route, route.path(), utf8(deep)), depth);
        }
        String marker = "__deep_" + depth + "__";
        String body = replaced(valid, path, NODES.textNode(marker)).toString().replace("\"" + marker + "\"", deep);
        int total = depth + path.size(); // the body's object, the path's containers, then the nesting
        return new Deep(new Request(route, route.path(), utf8(body)), total);
    }

    @Test
    void deeplyNestedBodies() {
        Fuzz.forAll("deeplyNestedBodies", 0x6465657065737421L, 150, WriteEndpointFuzzTest::deepBody, deep -> {
            Reply reply = exchange(deep.request());
            if (deep.depth() > MAX_READABLE_DEPTH) {
                // Too deep to read: a 400, or a 422 when the value already has the wrong type at its top.
                assertThat(reply.status()).as("too deep to read: " + deep + "\n  -> " + reply).isIn(400, 422);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // 6. Odd If-Match, ?source_version, list parameters, identifiers and headers

    private static boolean sendableHeader(String value) {
        try {
            HttpRequest.newBuilder(URI.create("http://localhost/")).header("If-Match", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final List<String> ODD_VERSIONS = List.of("", " ", "*", "\"*\"", "0", "\"0\"", "W/\"0\"", "\"1\"",
            "1", "-1", "\"-1\"", "\"99999999999999999999\"", "9223372036854775807", "9223372036854775808",
            "2147483647", "2147483640", "2147482647", "1000", "1001", "1.5", "1e3", "0x10", "\"\"", "\"",
            "\"0\", \"1\"", "W/", "abc", "null", "NaN", "+1", " 0 ", "٣", "０");

    static String oddVersion(Fuzz fuzz) {
        return fuzz.frequency(
                weighted(3, () -> fuzz.of(ODD_VERSIONS)),
                weighted(2, () -> fuzz.filtered(() -> fuzz.anyString(0, 30), WriteEndpointFuzzTest::harmless)),
                weighted(1, () -> String.valueOf(fuzz.anyLong())));
    }

    static Request oddParameters(Fuzz fuzz) {
        return fuzz.oneOf(
                () -> {
                    Route route = fuzz.of(Route.DELETE_COLLECTION, Route.PATCH_COLLECTION);
                    String value = fuzz.filtered(() -> oddVersion(fuzz), WriteEndpointFuzzTest::sendableHeader);
                    return (route == Route.PATCH_COLLECTION ? json(route, validBody(route))
                            : new Request(route, route.path(), null)).with("If-Match", value);
                },
                () -> json(Route.CLONE_COLLECTION,
                        Route.CLONE_COLLECTION.path() + "?source_version=" + encode(oddVersion(fuzz)),
                        validBody(Route.CLONE_COLLECTION)),
                () -> {
                    Route route = fuzz.of(Route.LIST_COLLECTIONS, Route.LIST_BUCKETS, Route.LIST_NAMESPACES,
                            Route.LIST_TEMPLATES);
                    String parameter = fuzz.of("limit", "offset", "cursor", "include_total");
                    String value = oddVersion(fuzz);
                    return json(route, route.path() + "?" + parameter + "=" + encode(value), validBody(route));
                });
    }

    @Test
    void oddIfMatchSourceVersionAndPageParameters() {
        Fuzz.forAll("oddIfMatchSourceVersionAndPageParameters", 0x69666d6174636821L, 200,
                WriteEndpointFuzzTest::oddParameters, request -> {
                    Reply reply = exchange(request);
                    if (reply.ok() && reply.json().has("pagination")) {
                        // A next page the service points to is one it accepts.
                        String cursor = reply.json().path("pagination").path("next_cursor").asText(null);
                        if (cursor != null) {
                            String path = request.path().substring(0, request.path().indexOf('?'))
                                    + "?cursor=" + encode(cursor);
                            assertThat(exchange(new Request(request.description(), request.method(), path,
                                    request.body(), request.headers(), false)).status())
                                    .as("next_cursor of " + request + " -> " + reply).isEqualTo(200);
                        }
                    }
                });
    }

    private static final List<String> ODD_IDENTIFIERS = List.of("%2F", "a%2Fb", "%00", "a%00b", "%5C", "%FF",
            "%C3%28", "%ED%A0%80", "%2E%2E", "..", ".", "%2e", ";", "a;b=c", "%3B", "%25", "%20", "%0A", "%0D%0A",
            "col_", "list", "features", "features%2Fextractors", "%F0%9F%98%80", "%E2%80%AE", "~", "%7B%7D", "source",
            "a".repeat(300), "%" + "41".repeat(5));

    static Request oddIdentifier(Fuzz fuzz) {
        Route route = fuzz.of(Route.PATCH_COLLECTION, Route.DELETE_COLLECTION, Route.CLONE_COLLECTION,
                Route.PATCH_BUCKET, Route.DELETE_BUCKET, Route.PATCH_NAMESPACE, Route.DELETE_NAMESPACE,
                Route.CLONE_NAMESPACE);
        String id = fuzz.frequency(
                weighted(2, () -> fuzz.of(ODD_IDENTIFIERS)),
                weighted(1, () -> encode(fuzz.filtered(() -> fuzz.anyString(1, 30), WriteEndpointFuzzTest::harmless))));
        return route.deletes()
                ? new Request(route, route.path(id), null)
                : json(route, route.path(id), validBody(route));
    }

    @Test
    void oddIdentifiers() {
        Fuzz.forAll("oddIdentifiers", 0x6964656e74696679L, 100, WriteEndpointFuzzTest::oddIdentifier,
                WriteEndpointFuzzTest::exchange);
    }

    private static final List<Map.Entry<String, String>> ODD_HEADERS = List.of(
            Map.entry("Accept", "application/xml"), Map.entry("Accept", "text/html"), Map.entry("Accept", "*/*"),
            Map.entry("Accept", "text/plain;q=1, application/json;q=0.1"), Map.entry("Accept", "image/png"),
            Map.entry("Accept", "application/json"), Map.entry("Accept", "garbage;;;"),
            Map.entry("Content-Type", "text/plain"), Map.entry("Content-Type", "application/xml"),
            Map.entry("Content-Type", ";;;"), Map.entry("Content-Type", "application/json; charset=nope"),
            Map.entry("Content-Type", "application/json; charset=UTF-16"),
            Map.entry("Content-Type", "application/x-www-form-urlencoded"),
            Map.entry("Content-Type", "multipart/form-data; boundary=x"), Map.entry("X-Namespace", ""),
            Map.entry("X-Namespace", "no-such-namespace"), Map.entry("X-Namespace", "ns_0000000000"),
            Map.entry("X-Namespace", "' OR 1=1 --"), Map.entry("X-Namespace", "%00"),
            Map.entry("X-Namespace", "x".repeat(5000)), Map.entry("Authorization", "Bearer "),
            Map.entry("Authorization", "Bearer sk_" + "x".repeat(500)), Map.entry("X-Request-ID", "x".repeat(500)),
            Map.entry("X-Request-ID", "<script>"));

    static Request oddHeader(Fuzz fuzz) {
        Route route = fuzz.of(Route.values());
        Map.Entry<String, String> header = fuzz.of(ODD_HEADERS);
        Request request = route.deletes() ? new Request(route, route.path(), null) : json(route, validBody(route));
        return request.with(header.getKey(), header.getValue());
    }

    @Test
    void oddHeaders() {
        Fuzz.forAll("oddHeaders", 0x6865616465727321L, 100, WriteEndpointFuzzTest::oddHeader,
                WriteEndpointFuzzTest::exchange);
    }

    // ---------------------------------------------------------------------------------------------
    // The fixtures are still what the properties assume

    @Test
    void theSourceAndItsBucketAreStillThereAndUndeletable() {
        for (Route route : List.of(Route.DELETE_COLLECTION, Route.DELETE_BUCKET)) {
            Reply reply = exchange(new Request(route, route.path(), null));
            assertThat(reply.status()).as(route + " " + reply).isEqualTo(409);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static HttpApi.Response expectOk(HttpApi.Response response) {
        if (response.status() != 200) {
            throw new AssertionError("fixture not created: " + response);
        }
        return response;
    }
}
