package com.collectionledger.command.collection.rules;

import com.collectionledger.api.error.Violation;
import com.collectionledger.command.catalog.ExtractorDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An extractor's parameters, wherever they are given (a collection's feature_extractor, a namespace's
 * extractor list): each must be one of the extractor's and fit its spec, and so must each field of an
 * object parameter whose spec lists its fields.
 */
public final class ExtractorParameters {

    private ExtractorParameters() {
    }

    /** {@code at} is where the parameters were given, e.g. {@code [feature_extractor, parameters]}. */
    public static void check(ExtractorDefinition definition, Map<String, Object> parameters,
                             List<Violation> violations, String... at) {
        if (parameters == null) {
            return;
        }
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        definition.parameters().forEach((name, schema) -> specs.put(name, ParameterSpec.of(schema)));
        checkFields(definition, "", specs, parameters, List.of(at), violations);
    }

    /** {@code prefix} names the object parameter the fields are in ("generation_config."), or is empty. */
    private static void checkFields(ExtractorDefinition definition, String prefix, Map<String, ParameterSpec> specs,
                                    Map<?, ?> values, List<String> at, List<Violation> violations) {
        values.forEach((key, value) -> {
            String name = prefix + key;
            List<String> path = Stream.concat(at.stream(), Stream.of(String.valueOf(key))).toList();
            ParameterSpec spec = specs.get(String.valueOf(key));
            if (spec == null) {
                String known = prefix.isEmpty() ? "parameters are " + specs.keySet()
                        : "the fields of '" + prefix.substring(0, prefix.length() - 1) + "' are " + specs.keySet();
                violations.add(new Violation(path, "'" + name + "' is not a parameter of " + definition.id() + "; "
                        + known, "extra_forbidden"));
                return;
            }
            String problem = spec.problem(value);
            if (problem != null) {
                violations.add(new Violation(path, "parameter '" + name + "' " + problem, "type_error"));
            } else if (value instanceof Map<?, ?> fields && spec.fields() != null) {
                checkFields(definition, name + ".", spec.fields(), fields, path, violations);
            }
        });
    }
}
