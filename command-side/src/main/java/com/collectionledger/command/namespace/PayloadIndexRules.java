package com.collectionledger.command.namespace;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.command.collection.ConfigurationRules.ParameterCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mixpeek's PayloadIndexConfig rules: a field name (1..255 characters, once per namespace, not a
 * protected system field), a PayloadSchemaType, and a field_schema with only the parameters of that
 * type's IndexParams. Users cannot create protected (system-managed) indexes.
 */
final class PayloadIndexRules {

    static final List<String> TYPES = List.of("keyword", "integer", "float", "bool", "geo", "datetime", "text", "uuid");
    static final Set<String> PROTECTED_FIELDS = Set.of("internal_id", "namespace_id", "collection_id", "document_id",
            "bucket_id", "object_id", "root_object_id", "root_bucket_id", "source_object_id", "created_at",
            "updated_at");
    static final int MAX_FIELD_NAME = 255;

    /** The parameters each type's field_schema may set (Mixpeek's TextIndexParams, ...), as parameter specs. */
    private static final JsonNode PARAMETERS = parse("""
            {"text": {"tokenizer": {"type": "string", "enum": ["word", "whitespace", "prefix", "multilingual"]},
                      "min_token_len": {"type": "integer", "minimum": 1},
                      "max_token_len": {"type": "integer", "minimum": 1},
                      "lowercase": {"type": "boolean"}},
             "integer": {"lookup": {"type": "boolean"}, "range": {"type": "boolean"}},
             "keyword": {"is_tenant": {"type": "boolean"}},
             "uuid": {"is_tenant": {"type": "boolean"}},
             "float": {}, "geo": {}, "datetime": {}, "bool": {}}""");

    private PayloadIndexRules() {
    }

    static void check(List<PayloadIndex> indexes, List<Violation> violations) {
        if (indexes == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            String index = String.valueOf(i);
            PayloadIndex payloadIndex = indexes.get(i);
            if (payloadIndex == null) {
                violations.add(Violation.at("a payload index must be an object", "missing", "body", "payload_indexes",
                        index));
                continue;
            }
            checkFieldName(payloadIndex, seen, violations, index);
            if (Boolean.TRUE.equals(payloadIndex.isProtected())) {
                violations.add(Violation.at("protected indexes are system-managed; an index given here must have "
                        + "is_protected false", "value_error", "body", "payload_indexes", index, "is_protected"));
            }
            if (payloadIndex.type() == null) {
                violations.add(Violation.at("type is required", "missing", "body", "payload_indexes", index, "type"));
            } else if (!TYPES.contains(payloadIndex.type())) {
                violations.add(Violation.at("type must be one of " + TYPES, "enum", "body", "payload_indexes", index,
                        "type"));
            } else if (payloadIndex.fieldSchema() != null) {
                checkFieldSchema(payloadIndex.type(), payloadIndex.fieldSchema(), violations, index);
            }
        }
    }

    private static void checkFieldName(PayloadIndex payloadIndex, Set<String> seen, List<Violation> violations,
                                       String index) {
        String name = payloadIndex.fieldName();
        String[] at = {"body", "payload_indexes", index, "field_name"};
        if (name == null || name.isEmpty()) {
            violations.add(Violation.at("field_name is required", "missing", at));
        } else if (name.codePointCount(0, name.length()) > MAX_FIELD_NAME) {
            violations.add(Violation.at("field_name must be at most " + MAX_FIELD_NAME + " characters",
                    "string_too_long", at));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            violations.add(Violation.at("field_name must not contain control characters", "value_error", at));
        } else if (PROTECTED_FIELDS.contains(name)) {
            violations.add(Violation.at("'" + name + "' is a protected system field; user indexes cannot use it",
                    "value_error", at));
        } else if (!seen.add(name)) {
            violations.add(Violation.at("'" + name + "' is indexed twice; a field has one index per namespace",
                    "value_error", at));
        }
    }

    private static void checkFieldSchema(String type, Map<String, Object> fieldSchema, List<Violation> violations,
                                         String index) {
        JsonNode allowed = PARAMETERS.get(type);
        fieldSchema.forEach((name, value) -> {
            String[] at = {"body", "payload_indexes", index, "field_schema", name};
            if (name.equals("type")) {
                if (!type.equals(value)) {
                    violations.add(Violation.at("field_schema.type must be the index's type '" + type + "'",
                            "value_error", at));
                }
                return;
            }
            JsonNode spec = allowed.get(name);
            if (spec == null) {
                violations.add(Violation.at("'" + name + "' is not a parameter of a " + type + " index; its "
                        + "parameters are " + fieldNames(allowed), "extra_forbidden", at));
                return;
            }
            String problem = ParameterCheck.problem(spec, value);
            if (problem != null) {
                violations.add(Violation.at("'" + name + "' " + problem, "type_error", at));
            }
        });
        if (fieldSchema.get("min_token_len") instanceof Number min && fieldSchema.get("max_token_len") instanceof Number max
                && min.doubleValue() > max.doubleValue()) {
            violations.add(Violation.at("min_token_len must not exceed max_token_len", "value_error",
                    "body", "payload_indexes", index, "field_schema", "min_token_len"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
