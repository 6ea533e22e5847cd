package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of SPEC §4 for a collection's configuration, shared by create, clone and patch.
 * {@link #validate} checks a whole configuration, collects every violation, and derives the schemas.
 */
public final class ConfigurationRules {

    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_METADATA_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final ExtractorCatalog catalog;

    public ConfigurationRules(Directory directory, ExtractorCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    /**
     * Validates a configuration for a collection of the namespace and derives its schemas.
     *
     * @param requestedInput a client-given input schema (create only), or null
     * @throws DomainException with every violation found
     */
    public CollectionSchemas validate(String collectionId, String namespaceId, CollectionConfig config,
                                      ObjectSchema requestedInput) {
        List<Violation> violations = new ArrayList<>();
        checkDescription(config.description(), violations);
        checkMetadata(config.metadata(), violations);
        checkTaxonomies(config.taxonomyApplications(), violations);
        ScheduleRules.check(config.schedule(), violations);
        Derived derived = deriveInput(collectionId, namespaceId, config.source(), violations);
        ObjectSchema input = derived == null ? null : derived.input;
        if (input != null && requestedInput != null && !requestedInput.properties().isEmpty()) {
            input = narrow(input, requestedInput, violations);
        }
        ObjectSchema output = null;
        FeatureExtractorConfig extractor = config.featureExtractor();
        if (extractor == null) {
            violations.add(Violation.at("feature_extractor is required", "missing", "body", "feature_extractor"));
        } else {
            Optional<ExtractorDefinition> definition = findExtractor(namespaceId, extractor, violations);
            if (definition.isPresent() && input != null) {
                checkInputMappings(definition.get(), extractor.inputMappings(), input, violations);
                checkParameters(definition.get(), extractor.parameters(), violations,
                        "body", "feature_extractor", "parameters");
                output = deriveOutput(definition.get(), extractor, input, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        List<SourceLineageEntry> lineage = new ArrayList<>(derived.upstream);
        lineage.add(new SourceLineageEntry(config.source(), extractor, output));
        return new CollectionSchemas(input, output, derived.bucketSchemas, lineage);
    }

    public static void checkDescription(String description, List<Violation> violations) {
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            violations.add(Violation.at("description must be at most " + MAX_DESCRIPTION + " characters",
                    "string_too_long", "body", "description"));
        }
        // PostgreSQL text cannot hold U+0000: the read model could not store such a description, and
        // its processor would retry that event forever, holding back every later event of its segment.
        if (description != null && description.indexOf('\u0000') >= 0) {
            violations.add(Violation.at("description must not contain NUL (U+0000) characters",
                    "value_error", "body", "description"));
        }
    }

    public static void checkMetadata(Map<String, Object> metadata, List<Violation> violations) {
        if (metadata == null) {
            return;
        }
        try {
            int size = JSON.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_METADATA_BYTES) {
                violations.add(Violation.at("metadata must be at most 16 KiB serialized, was " + size + " bytes",
                        "value_error", "body", "metadata"));
            }
        } catch (JsonProcessingException e) {
            violations.add(Violation.at("metadata must be a JSON object", "value_error", "body", "metadata"));
        }
    }

    public static void checkTaxonomies(List<TaxonomyApplication> taxonomies, List<Violation> violations) {
        if (taxonomies == null) {
            return;
        }
        for (int i = 0; i < taxonomies.size(); i++) {
            TaxonomyApplication t = taxonomies.get(i);
            String index = String.valueOf(i);
            if (t == null) {
                violations.add(Violation.at("taxonomy application must be an object", "missing",
                        "body", "taxonomy_applications", index));
                continue;
            }
            if (t.taxonomyId() == null || t.taxonomyId().isBlank()) {
                violations.add(Violation.at("taxonomy_id is required", "missing",
                        "body", "taxonomy_applications", index, "taxonomy_id"));
            }
            if (!Set.of("materialize", "on_demand").contains(t.executionMode())) {
                violations.add(Violation.at("execution_mode must be 'materialize' or 'on_demand'", "enum",
                        "body", "taxonomy_applications", index, "execution_mode"));
            }
            if (t.executionPhase() < 1 || t.executionPhase() > 3) {
                violations.add(Violation.at("execution_phase must be between 1 and 3", "value_error",
                        "body", "taxonomy_applications", index, "execution_phase"));
            }
            if (t.priority() < 0 || t.priority() > 1000) {
                violations.add(Violation.at("priority must be between 0 and 1000", "value_error",
                        "body", "taxonomy_applications", index, "priority"));
            }
        }
    }

    /** The derived input schema, and the tiers upstream of this collection (none for a bucket source). */
    private record Derived(ObjectSchema input, Map<String, ObjectSchema> bucketSchemas,
                           List<SourceLineageEntry> upstream) {
    }

    private Derived deriveInput(String collectionId, String namespaceId, SourceConfig source,
                                List<Violation> violations) {
        if (source == null) {
            violations.add(Violation.at("source is required", "missing", "body", "source"));
            return null;
        }
        if (SourceConfig.BUCKET.equals(source.type())) {
            return deriveFromBuckets(namespaceId, source, violations);
        }
        if (SourceConfig.COLLECTION.equals(source.type())) {
            return deriveFromCollections(collectionId, namespaceId, source, violations);
        }
        violations.add(Violation.at("source.type must be 'bucket' or 'collection'", "enum", "body", "source", "type"));
        return null;
    }

    private Derived deriveFromBuckets(String namespaceId, SourceConfig source, List<Violation> violations) {
        List<String> ids = source.bucketIds();
        if (ids == null || ids.isEmpty()) {
            violations.add(Violation.at("source.bucket_ids must name at least one bucket", "missing",
                    "body", "source", "bucket_ids"));
            return null;
        }
        List<ObjectSchema> schemas = new ArrayList<>();
        Map<String, ObjectSchema> byBucket = new LinkedHashMap<>();
        boolean complete = true;
        for (int i = 0; i < ids.size(); i++) {
            Optional<Directory.BucketEntry> bucket = directory.bucket(namespaceId, ids.get(i));
            if (bucket.isEmpty()) {
                violations.add(Violation.at("bucket '" + ids.get(i) + "' does not exist in this namespace",
                        "not_found", "body", "source", "bucket_ids", String.valueOf(i)));
                complete = false;
            } else {
                schemas.add(bucket.get().bucketSchema());
                byBucket.put(ids.get(i), bucket.get().bucketSchema());
            }
        }
        if (!complete) {
            return null;
        }
        SchemaDerivation.UnionResult union = SchemaDerivation.union(schemas);
        if (union.clash() != null) {
            violations.add(clash(union.clash(), "bucket_ids"));
            return null;
        }
        return new Derived(union.schema(), ids.size() > 1 ? byBucket : null, List.of());
    }

    private Derived deriveFromCollections(String collectionId, String namespaceId, SourceConfig source,
                                          List<Violation> violations) {
        List<String> ids = source.sourceCollectionIds();
        String field = source.collectionIds() != null && !source.collectionIds().isEmpty()
                ? "collection_ids" : "collection_id";
        if (ids.isEmpty()) {
            violations.add(Violation.at("source.collection_id is required for a collection source", "missing",
                    "body", "source", "collection_id"));
            return null;
        }
        List<ObjectSchema> schemas = new ArrayList<>();
        // Several upstream collections may share tiers (a diamond): each tier is listed once.
        Set<SourceLineageEntry> upstreamTiers = new LinkedHashSet<>();
        boolean complete = true;
        for (int i = 0; i < ids.size(); i++) {
            String[] path = field.equals("collection_id")
                    ? new String[]{"body", "source", field}
                    : new String[]{"body", "source", field, String.valueOf(i)};
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                violations.add(Violation.at("a source collection ID must not be empty", "missing", path));
                complete = false;
                continue;
            }
            if (ids.get(i).equals(collectionId)) {
                violations.add(Violation.at("a collection cannot be its own source", "value_error", path));
                complete = false;
                continue;
            }
            Optional<Directory.CollectionEntry> upstream = directory.liveCollection(namespaceId, ids.get(i));
            if (upstream.isEmpty()) {
                violations.add(Violation.at("collection '" + ids.get(i) + "' does not exist in this namespace",
                        "not_found", path));
                complete = false;
            } else {
                schemas.add(upstream.get().outputSchema());
                upstreamTiers.addAll(upstream.get().sourceLineage());
            }
        }
        if (!complete) {
            return null;
        }
        SchemaDerivation.UnionResult union = SchemaDerivation.union(schemas);
        if (union.clash() != null) {
            violations.add(clash(union.clash(), field));
            return null;
        }
        return new Derived(union.schema(), null, List.copyOf(upstreamTiers));
    }

    private static Violation clash(SchemaDerivation.TypeClash clash, String field) {
        return Violation.at("field '" + clash.field() + "' has type '" + clash.firstType() + "' in one source and '"
                + clash.secondType() + "' in another", "type_conflict", "body", "source", field);
    }

    private static ObjectSchema narrow(ObjectSchema derived, ObjectSchema requested, List<Violation> violations) {
        Map<String, FieldSchema> narrowed = new LinkedHashMap<>();
        requested.properties().forEach((name, field) -> {
            FieldSchema available = derived.properties().get(name);
            if (available == null) {
                violations.add(Violation.at("input_schema field '" + name + "' is not in the source's schema",
                        "value_error", "body", "input_schema", "properties", name));
            } else if (field == null || !available.type().equals(field.type())) {
                violations.add(Violation.at("input_schema field '" + name + "' must have the source's type '"
                        + available.type() + "'", "type_error", "body", "input_schema", "properties", name));
            } else {
                narrowed.put(name, available);
            }
        });
        return new ObjectSchema(narrowed);
    }

    private Optional<ExtractorDefinition> findExtractor(String namespaceId, FeatureExtractorConfig extractor,
                                                        List<Violation> violations) {
        if (extractor.featureExtractorName() == null || extractor.featureExtractorName().isBlank()) {
            violations.add(Violation.at("feature_extractor_name is required", "missing",
                    "body", "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        if (extractor.version() == null || extractor.version().isBlank()) {
            violations.add(Violation.at("version is required", "missing", "body", "feature_extractor", "version"));
            return Optional.empty();
        }
        Optional<ExtractorDefinition> definition = catalog.find(extractor.featureExtractorName(), extractor.version());
        if (definition.isEmpty()) {
            violations.add(Violation.at("feature extractor '" + extractor.featureExtractorId()
                    + "' is not in the catalog", "not_found", "body", "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        boolean enabled = directory.namespace(namespaceId)
                .map(ns -> ns.featureExtractors().stream().anyMatch(r -> r.id().equals(extractor.featureExtractorId())))
                .orElse(false);
        if (!enabled) {
            violations.add(Violation.at("feature extractor '" + extractor.featureExtractorId()
                            + "' is not enabled for this namespace", "value_error",
                    "body", "feature_extractor", "feature_extractor_name"));
            return Optional.empty();
        }
        return definition;
    }

    private static void checkInputMappings(ExtractorDefinition definition, Map<String, String> mappings,
                                           ObjectSchema input, List<Violation> violations) {
        for (var mapping : mappings.entrySet()) {
            String[] path = {"body", "feature_extractor", "input_mappings", mapping.getKey()};
            ExtractorDefinition.Input accepted = definition.inputs().get(mapping.getKey());
            if (accepted == null) {
                violations.add(Violation.at("'" + mapping.getKey() + "' is not an input of " + definition.id()
                        + "; inputs are " + definition.inputs().keySet(), "value_error", path));
                continue;
            }
            Optional<FieldSchema> field = SchemaDerivation.field(input, mapping.getValue());
            if (field.isEmpty()) {
                violations.add(Violation.at("input '" + mapping.getKey() + "' maps to '" + mapping.getValue()
                        + "', which is not a field of the input schema", "value_error", path));
            } else if (!accepted.acceptedTypes().contains(field.get().type())) {
                violations.add(Violation.at("input '" + mapping.getKey() + "' accepts " + accepted.acceptedTypes()
                        + " but '" + mapping.getValue() + "' is " + field.get().type(), "type_error", path));
            }
        }
        for (String required : definition.requiredInputs()) {
            if (!mappings.containsKey(required)) {
                violations.add(Violation.at("input '" + required + "' of " + definition.id() + " must be mapped",
                        "missing", "body", "feature_extractor", "input_mappings", required));
            }
        }
        if (mappings.size() < definition.minimumInputs()) {
            violations.add(Violation.at(definition.id() + " needs at least " + definition.minimumInputs()
                            + " of its inputs " + definition.inputs().keySet() + " mapped", "missing",
                    "body", "feature_extractor", "input_mappings"));
        }
    }

    /**
     * Each parameter must be one of the extractor's and fit its schema, and so must each field of an
     * object parameter whose schema lists its fields; {@code at} is where they were given.
     */
    public static void checkParameters(ExtractorDefinition definition, Map<String, Object> parameters,
                                       List<Violation> violations, String... at) {
        if (parameters != null) {
            checkFields(definition, "", definition.parameters(), parameters, at, violations);
        }
    }

    /** {@code prefix} names the object parameter the fields are in ("generation_config."), or is empty. */
    private static void checkFields(ExtractorDefinition definition, String prefix, Map<String, JsonNode> specs,
                                    Map<?, ?> values, String[] at, List<Violation> violations) {
        values.forEach((key, value) -> {
            String name = prefix + key;
            String[] path = Stream.concat(Arrays.stream(at), Stream.of(String.valueOf(key))).toArray(String[]::new);
            JsonNode spec = specs.get(String.valueOf(key));
            if (spec == null) {
                String known = prefix.isEmpty() ? "parameters are " + specs.keySet()
                        : "the fields of '" + prefix.substring(0, prefix.length() - 1) + "' are " + specs.keySet();
                violations.add(Violation.at("'" + name + "' is not a parameter of " + definition.id() + "; " + known,
                        "extra_forbidden", path));
                return;
            }
            String problem = ParameterCheck.problem(spec, value);
            if (problem != null) {
                violations.add(Violation.at("parameter '" + name + "' " + problem, "type_error", path));
            } else if (value instanceof Map<?, ?> fields && spec.has("properties")) {
                checkFields(definition, name + ".", ParameterCheck.properties(spec), fields, path, violations);
            }
        });
    }

    private static ObjectSchema deriveOutput(ExtractorDefinition definition, FeatureExtractorConfig extractor,
                                             ObjectSchema input, List<Violation> violations) {
        Map<String, FieldSchema> output = new LinkedHashMap<>();
        // Which source path each output field comes from: passing a field through under its own
        // name next to include_all_source_fields is harmless; two sources for one name are not.
        Map<String, String> origin = new LinkedHashMap<>();
        if (extractor.includeAllSourceFields()) {
            output.putAll(input.properties());
            input.properties().keySet().forEach(name -> origin.put(name, name));
        }
        List<FieldPassthrough> passthrough = extractor.fieldPassthrough();
        for (int i = 0; i < passthrough.size(); i++) {
            FieldPassthrough field = passthrough.get(i);
            String index = String.valueOf(i);
            if (field == null || field.sourcePath() == null || field.sourcePath().isBlank()) {
                violations.add(Violation.at("source_path is required", "missing",
                        "body", "feature_extractor", "field_passthrough", index, "source_path"));
                continue;
            }
            Optional<FieldSchema> source = SchemaDerivation.field(input, field.sourcePath());
            if (source.isEmpty()) {
                violations.add(Violation.at("'" + field.sourcePath() + "' is not a field of the input schema",
                        "value_error", "body", "feature_extractor", "field_passthrough", index, "source_path"));
                continue;
            }
            String name = field.outputName();
            if (origin.containsKey(name) && !origin.get(name).equals(field.sourcePath())) {
                violations.add(Violation.at("two output fields are named '" + name + "'", "value_error",
                        "body", "feature_extractor", "field_passthrough", index));
                continue;
            }
            if (origin.containsKey(name) && !extractor.includeAllSourceFields()) {
                violations.add(Violation.at("'" + field.sourcePath() + "' is passed through twice", "value_error",
                        "body", "feature_extractor", "field_passthrough", index));
                continue;
            }
            origin.put(name, field.sourcePath());
            output.put(name, source.get());
        }
        for (String out : definition.outputs()) {
            String name = definition.id() + "_" + out;
            if (output.containsKey(name)) {
                violations.add(Violation.at("output field '" + name + "' would be written twice", "value_error",
                        "body", "feature_extractor", "field_passthrough"));
            }
            output.put(name, FieldSchema.of(definition.document().path("output_schema").path("properties")
                    .path(out).path("type").asText("array")));
        }
        return new ObjectSchema(output);
    }

    /**
     * Checks one parameter value against its spec, a subset of JSON Schema: {@code type} (one, or a
     * list that may hold "null"), {@code const}, {@code enum}, {@code minLength}, {@code pattern} (with
     * {@code pattern_description} for the message), {@code minimum}, {@code maximum}. The fields of an
     * object value are checked by {@link #checkFields}.
     */
    public static final class ParameterCheck {

        private static final Map<String, String> TYPE_NAMES = Map.of("string", "a string", "boolean", "a boolean",
                "integer", "an integer", "number", "a number", "object", "an object", "array", "an array");

        private ParameterCheck() {
        }

        /** What is wrong with {@code value} ("must be a boolean"), or null when it fits {@code spec}. */
        public static String problem(JsonNode spec, Object value) {
            List<String> types = new ArrayList<>();
            if (spec.path("type").isArray()) {
                spec.get("type").forEach(t -> types.add(t.asText()));
            } else if (spec.has("type")) {
                types.add(spec.get("type").asText());
            }
            if (value == null) {
                return types.contains("null") ? null : "must not be null";
            }
            types.remove("null");
            if (types.isEmpty()) {
                return null;
            }
            if (types.size() == 1) {
                return problem(types.get(0), spec, value);
            }
            if (types.stream().anyMatch(type -> problem(type, spec, value) == null)) {
                return null;
            }
            return "must be " + String.join(" or ", types.stream().map(t -> TYPE_NAMES.getOrDefault(t, t)).toList());
        }

        static Map<String, JsonNode> properties(JsonNode spec) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            spec.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
            return properties;
        }

        private static String problem(String type, JsonNode spec, Object value) {
            switch (type) {
                case "string" -> {
                    if (!(value instanceof String s)) {
                        return "must be a string";
                    }
                    if (spec.has("const") && !spec.get("const").asText().equals(s)) {
                        return "must be '" + spec.get("const").asText() + "'";
                    }
                    if (spec.has("enum")) {
                        for (JsonNode allowed : spec.get("enum")) {
                            if (allowed.asText().equals(s)) {
                                return null;
                            }
                        }
                        return "must be one of " + spec.get("enum");
                    }
                    int length = s.codePointCount(0, s.length());
                    if (spec.has("minLength") && length < spec.get("minLength").asInt()) {
                        return spec.get("minLength").asInt() == 1 ? "must not be empty"
                                : "must be at least " + spec.get("minLength") + " characters";
                    }
                    if (spec.has("pattern") && !Pattern.compile(spec.get("pattern").asText()).matcher(s).find()) {
                        return "must be " + spec.path("pattern_description")
                                .asText("a string matching " + spec.get("pattern").asText());
                    }
                    return null;
                }
                case "boolean" -> {
                    return value instanceof Boolean ? null : "must be a boolean";
                }
                case "object" -> {
                    return value instanceof Map<?, ?> ? null : "must be an object";
                }
                case "array" -> {
                    return value instanceof List<?> ? null : "must be an array";
                }
                case "integer", "number" -> {
                    BigDecimal number = asNumber(value);
                    if (number == null) {
                        return "must be a number";
                    }
                    if (type.equals("integer") && number.stripTrailingZeros().scale() > 0) {
                        return "must be an integer";
                    }
                    if (spec.has("minimum") && number.compareTo(spec.get("minimum").decimalValue()) < 0) {
                        return "must be at least " + spec.get("minimum");
                    }
                    if (spec.has("maximum") && number.compareTo(spec.get("maximum").decimalValue()) > 0) {
                        return "must be at most " + spec.get("maximum");
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        private static BigDecimal asNumber(Object value) {
            if (value instanceof BigDecimal d) return d;
            if (value instanceof BigInteger i) return new BigDecimal(i);
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            return null;
        }
    }
}
