package com.collectionledger.service.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.KeywordFactory;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixpeek's OpenAPI document ({@code mixpeek/openapi-0.81.json}, kept on the test classpath so that a
 * clean clone has it), parsed once per JVM, with its routes and its response schemas compiled on first use.
 *
 * <p>The document is OpenAPI 3.1.0, so its schemas are JSON Schema 2020-12 (plus the OpenAPI base
 * vocabulary). They are compiled with networknt's {@code json-schema-validator} in its OpenAPI 3.1 dialect,
 * chosen because it implements 2020-12 itself (validators written for OpenAPI 3.0, such as
 * swagger-request-validator on its draft-04 engine, misread 3.1 schemas: {@code type} arrays, {@code const},
 * {@code prefixItems}, {@code examples}), it reads a schema in place inside a larger document and resolves
 * {@code #/components/schemas/...} references against it, it is on Maven Central, and it is maintained (a
 * release every month or so through 2026). It is its 2.0 line (2.0.8), not 3.0: 3.x is built on Jackson 3,
 * whose databind needs {@code jackson-annotations} 2.21 while Spring Boot 3.5 pins 2.19 for the whole module
 * (3.0.9 fails with {@code NoClassDefFoundError: com/fasterxml/jackson/annotation/JsonSerializeAs}); 2.0.x
 * has the same API on Jackson 2 and is released alongside 3.x.
 *
 * <p>Keywords in the document that 2020-12 does not define are annotations here, never failures:
 * {@code discriminator} (13 uses; OpenAPI 3.1 makes it a hint, the {@code oneOf}/{@code anyOf} beside it
 * still decides), {@code example} (31 uses, the 3.0 spelling of {@code examples}), {@code externalDocs} and
 * {@code xml} (none in 0.81), and {@code nullable} (none: 0.81 writes null as {@code anyOf [..., {"type":
 * "null"}]}). Anything else unknown is also an annotation and is recorded in {@link #unknownKeywords()}; in
 * 0.81 that is the stray {@code trust_policy_example} inside {@code S3RoleCredentials}. {@code format} is
 * asserted for the formats the validator knows ({@code date-time}, {@code date}, {@code email}, {@code uri}:
 * an SDK parses these), and ignored for the others the document uses ({@code binary}, {@code number},
 * {@code text}, {@code image}, {@code parquet}).
 */
public final class OpenApiDocument {

    /** Parses the document and the response bodies (Jackson 2, as the rest of the service). */
    static final ObjectMapper JSON = new ObjectMapper();

    /** The classpath resource of the document. */
    public static final String RESOURCE = "/mixpeek/openapi-0.81.json";

    private static final String BASE_IRI = "https://collection-ledger.test/mixpeek/openapi-0.81.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> OPENAPI_ANNOTATIONS = Set.of("discriminator", "example", "externalDocs", "xml", "nullable");
    /** Members of the document's root object: the root is compiled as a schema only to host the fragments. */
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("openapi", "info", "servers", "paths", "components",
            "security", "tags", "webhooks", "jsonSchemaDialect");

    private static final class Holder {
        private static final OpenApiDocument MIXPEEK = load(RESOURCE);
    }

    private final JsonNode root;
    private final Schema document;
    private final List<PathTemplate> paths;
    private final String errorEnvelopePointer;
    private final Set<String> unknownKeywords;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root, Schema document, Set<String> unknownKeywords) {
        this.root = root;
        this.document = document;
        this.unknownKeywords = unknownKeywords;
        this.paths = pathsOf(root);
        this.errorEnvelopePointer = errorEnvelopeOf(root);
    }

    /** The Mixpeek document, loaded on first use and kept for the rest of the JVM. */
    public static OpenApiDocument mixpeek() {
        return Holder.MIXPEEK;
    }

    static OpenApiDocument load(String resource) {
        String text;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " is not on the test classpath");
            }
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenAPI document " + resource + " is not JSON", e);
        }
        Set<String> unknown = ConcurrentHashMap.newKeySet();
        KeywordFactory recordUnknown = (keyword, context) -> {
            if (!DOCUMENT_MEMBERS.contains(keyword)) {
                unknown.add(keyword);
            }
            return new AnnotationKeyword(keyword);
        };
        Dialect.Builder dialect = Dialect.builder(Dialects.getOpenApi31()).unknownKeywordFactory(recordUnknown);
        for (String keyword : OPENAPI_ANNOTATIONS) {
            dialect.keyword(new AnnotationKeyword(keyword));
        }
        SchemaRegistry registry = SchemaRegistry.withDialect(dialect.build(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH)
                        .build()));
        Schema document = registry.getSchema(SchemaLocation.of(BASE_IRI), root);
        return new OpenApiDocument(root, document, unknown);
    }

    /** The document's own {@code openapi} version string. */
    public String openapiVersion() {
        return root.path("openapi").asText();
    }

    /** Keywords met while compiling schemas that neither 2020-12 nor OpenAPI defines. */
    public Set<String> unknownKeywords() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(unknownKeywords));
    }

    /**
     * The operation for {@code method} and {@code path} (a query string is ignored), if the document has one.
     * As OpenAPI says, concrete paths are matched before templated ones: of the path templates that match,
     * the one with a literal segment where another has a parameter wins, comparing from the left
     * ({@code /v1/collections/list} before {@code /v1/collections/{collection_identifier}}). The method is
     * then looked up on that path: {@code PATCH /v1/collections/list} is not an operation of the document,
     * although {@code PATCH /v1/collections/{collection_identifier}} is. (Only where two templates have the
     * same shape, as {@code /v1/clusters/{cluster_identifier}} and {@code /v1/clusters/{cluster_id}} do, the
     * one that declares the method is taken.)
     */
    public Optional<Route> route(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        List<String> parts = segmentsOf(path);
        List<PathTemplate> matching = paths.stream().filter(template -> template.matches(parts))
                .sorted(PathTemplate.LITERALS_FIRST).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        PathTemplate best = matching.get(0);
        return matching.stream()
                .filter(template -> PathTemplate.LITERALS_FIRST.compare(template, best) == 0)
                .filter(template -> template.methods().contains(verb))
                .findFirst()
                .map(template -> new Route(verb, template.template()));
    }

    /** What the document says a response of {@code status} on {@code route} must look like. */
    public Expectation expectation(Route route, int status) {
        JsonNode responses = root.path("paths").path(route.template()).path(route.method()).path("responses");
        String code = Integer.toString(status);
        String range = status / 100 + "XX";
        for (String key : List.of(code, range, "default")) {
            if (responses.has(key)) {
                String responsePointer = pointer("paths", route.template(), route.method(), "responses", key);
                JsonNode response = resolve(responses.get(key));
                JsonNode content = response.path("content");
                if (content.isMissingNode() || content.isEmpty()) {
                    return new Expectation(Expectation.Kind.NO_BODY, responsePointer, null);
                }
                if (!content.has("application/json") || !content.path("application/json").has("schema")) {
                    return new Expectation(Expectation.Kind.NOT_JSON, responsePointer, null);
                }
                String schemaPointer = responsePointer + "/content/application~1json/schema";
                return new Expectation(Expectation.Kind.DECLARED, schemaPointer, nameOf(schemaPointer));
            }
        }
        // This service's 503 ServiceUnavailableError (shutdown, store outage) has the same envelope as a 4xx.
        if ((status >= 400 && status < 500 || status == 503) && errorEnvelopePointer != null) {
            return new Expectation(Expectation.Kind.ERROR_ENVELOPE, errorEnvelopePointer, nameOf(errorEnvelopePointer));
        }
        return new Expectation(Expectation.Kind.UNDECLARED, null, null);
    }

    /** The compiled schema at a JSON pointer of this document ({@code #/components/schemas/X} or inline). */
    public Schema schemaAt(String jsonPointer) {
        return compiled.computeIfAbsent(jsonPointer, this::compile);
    }

    /** {@code #/components/schemas/ErrorResponse} in 0.81: the schema most of the document's 4xx answers use. */
    public String errorEnvelopePointer() {
        return errorEnvelopePointer;
    }

    /** The node at a JSON pointer such as {@code #/components/schemas/NamespaceModel}. */
    public JsonNode node(String jsonPointer) {
        return root.at(jsonPointer.startsWith("#") ? jsonPointer.substring(1) : jsonPointer);
    }

    private Schema compile(String jsonPointer) {
        NodePath fragment = new NodePath(PathType.JSON_POINTER);
        for (String token : jsonPointer.substring(2).split("/")) {
            fragment = fragment.append(token.replace("~1", "/").replace("~0", "~"));
        }
        Schema schema = document.getRefSchema(fragment);
        if (schema == null) {
            throw new IllegalStateException("No schema at " + jsonPointer + " in " + RESOURCE);
        }
        schema.initializeValidators();
        return schema;
    }

    /** The component name a schema pointer refers to, directly, through one {@code $ref}, or as array items. */
    private String nameOf(String schemaPointer) {
        JsonNode schema = node(schemaPointer);
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.path("items").has("$ref")) {
            String ref = schema.path("items").get("$ref").asText();
            return "array of " + ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schemaPointer.startsWith("#/components/schemas/")) {
            return schemaPointer.substring("#/components/schemas/".length());
        }
        return schema.has("title") ? "inline: " + schema.get("title").asText() : "inline schema";
    }

    /** Response objects may themselves be {@code $ref}s into {@code #/components/responses}. */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? node(node.get("$ref").asText()) : node;
    }

    private static List<PathTemplate> pathsOf(JsonNode root) {
        List<PathTemplate> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            Set<String> methods = new java.util.HashSet<>();
            path.getValue().fieldNames().forEachRemaining(methods::add);
            methods.retainAll(METHODS);
            paths.add(PathTemplate.of(path.getKey(), methods));
        }
        return List.copyOf(paths);
    }

    /** The {@code $ref} most used by the document's 4xx responses other than 422 (FastAPI's own shape). */
    private static String errorEnvelopeOf(JsonNode root) {
        Map<String, Integer> uses = new TreeMap<>();
        for (JsonNode pathItem : root.path("paths")) {
            for (Map.Entry<String, JsonNode> operation : pathItem.properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("4") && !response.getKey().equals("422")) {
                        JsonNode ref = response.getValue().path("content").path("application/json").path("schema").path("$ref");
                        if (ref.isTextual()) {
                            uses.merge(ref.asText(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return uses.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    static List<String> segmentsOf(String path) {
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String bare = path.substring(0, end);
        return List.of(bare.split("/", -1));
    }

    private static String pointer(String... tokens) {
        StringBuilder pointer = new StringBuilder("#");
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** One operation of the document: a method (lower case, as the document writes it) on a path template. */
    public record Route(String method, String template) {

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    /** One path of the document, split into segments, with the methods it declares. */
    record PathTemplate(String template, List<Segment> segments, Set<String> methods) {

        /** Literal segments before templated ones, from the left (0 when two templates have the same shape). */
        static final Comparator<PathTemplate> LITERALS_FIRST = (a, b) -> {
            for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
                int byKind = Boolean.compare(a.segments.get(i).templated(), b.segments.get(i).templated());
                if (byKind != 0) {
                    return byKind;
                }
            }
            return 0;
        };

        static PathTemplate of(String template, Set<String> methods) {
            return new PathTemplate(template, segmentsOf(template).stream().map(Segment::of).toList(), Set.copyOf(methods));
        }

        boolean matches(List<String> parts) {
            if (parts.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (!segments.get(i).matches(parts.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One segment of a path template: a literal, or a pattern with {@code {parameters}}. */
    public record Segment(String text, Pattern pattern) {

        private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

        static Segment of(String text) {
            Matcher parameter = PARAMETER.matcher(text);
            if (!parameter.find()) {
                return new Segment(text, null);
            }
            StringBuilder regex = new StringBuilder();
            int last = 0;
            parameter.reset();
            while (parameter.find()) {
                regex.append(Pattern.quote(text.substring(last, parameter.start()))).append("[^/]+");
                last = parameter.end();
            }
            regex.append(Pattern.quote(text.substring(last)));
            return new Segment(text, Pattern.compile(regex.toString()));
        }

        boolean templated() {
            return pattern != null;
        }

        boolean matches(String part) {
            return pattern == null ? text.equals(part) : pattern.matcher(part).matches();
        }
    }

    /** What a response must be, per the document. */
    public record Expectation(Kind kind, String schemaPointer, String schemaName) {

        public enum Kind {
            /** {@code responses[status]} (or its range, or {@code default}) with a JSON schema. */
            DECLARED,
            /** An undeclared 4xx: the document's error envelope. */
            ERROR_ENVELOPE,
            /** Declared without content: the body must be empty. */
            NO_BODY,
            /** Declared with content other than JSON: not checked. */
            NOT_JSON,
            /** Not declared, and not a 4xx. */
            UNDECLARED
        }
    }
}
