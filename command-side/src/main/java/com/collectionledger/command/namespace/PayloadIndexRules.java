package com.collectionledger.command.namespace;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.command.collection.rules.ParameterSpec;

import java.util.HashSet;
import java.util.LinkedHashMap;
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

    private static final ParameterSpec BOOLEAN = ParameterSpec.of(Map.of("type", "boolean"));
    private static final ParameterSpec POSITIVE_INTEGER = ParameterSpec.of(Map.of("type", "integer", "minimum", 1));

    /** The parameters each type's field_schema may set (Mixpeek's TextIndexParams, ...), in their order. */
    private static final Map<String, Map<String, ParameterSpec>> PARAMETERS = Map.of(
            "text", specs("tokenizer", ParameterSpec.of(Map.of("type", "string",
                            "enum", List.of("word", "whitespace", "prefix", "multilingual"))),
                    "min_token_len", POSITIVE_INTEGER, "max_token_len", POSITIVE_INTEGER, "lowercase", BOOLEAN),
            "integer", specs("lookup", BOOLEAN, "range", BOOLEAN),
            "keyword", specs("is_tenant", BOOLEAN),
            "uuid", specs("is_tenant", BOOLEAN),
            "float", specs(), "geo", specs(), "datetime", specs(), "bool", specs());

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
                violations.add(Violation.at("a payload index must be an object", "missing", "payload_indexes",
                        index));
                continue;
            }
            checkFieldName(payloadIndex, seen, violations, index);
            if (Boolean.TRUE.equals(payloadIndex.isProtected())) {
                violations.add(Violation.at("protected indexes are system-managed; an index given here must have "
                        + "is_protected false", "value_error", "payload_indexes", index, "is_protected"));
            }
            if (payloadIndex.type() == null) {
                violations.add(Violation.at("type is required", "missing", "payload_indexes", index, "type"));
            } else if (!TYPES.contains(payloadIndex.type())) {
                violations.add(Violation.at("type must be one of " + TYPES, "enum", "payload_indexes", index,
                        "type"));
            } else if (payloadIndex.fieldSchema() != null) {
                checkFieldSchema(payloadIndex.type(), payloadIndex.fieldSchema(), violations, index);
            }
        }
    }

    private static void checkFieldName(PayloadIndex payloadIndex, Set<String> seen, List<Violation> violations,
                                       String index) {
        String name = payloadIndex.fieldName();
        String[] at = {"payload_indexes", index, "field_name"};
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
        Map<String, ParameterSpec> allowed = PARAMETERS.get(type);
        fieldSchema.forEach((name, value) -> {
            String[] at = {"payload_indexes", index, "field_schema", name};
            if (name.equals("type")) {
                if (!type.equals(value)) {
                    violations.add(Violation.at("field_schema.type must be the index's type '" + type + "'",
                            "value_error", at));
                }
                return;
            }
            ParameterSpec spec = allowed.get(name);
            if (spec == null) {
                violations.add(Violation.at("'" + name + "' is not a parameter of a " + type + " index; its "
                        + "parameters are " + List.copyOf(allowed.keySet()), "extra_forbidden", at));
                return;
            }
            String problem = spec.problem(value);
            if (problem != null) {
                violations.add(Violation.at("'" + name + "' " + problem, "type_error", at));
            }
        });
        if (fieldSchema.get("min_token_len") instanceof Number min && fieldSchema.get("max_token_len") instanceof Number max
                && min.doubleValue() > max.doubleValue()) {
            violations.add(Violation.at("min_token_len must not exceed max_token_len", "value_error",
                    "payload_indexes", index, "field_schema", "min_token_len"));
        }
    }

    /** Parameter names and their specs, in order. */
    private static Map<String, ParameterSpec> specs(Object... namesAndSpecs) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSpecs.length; i += 2) {
            specs.put((String) namesAndSpecs[i], (ParameterSpec) namesAndSpecs[i + 1]);
        }
        return specs;
    }
}
