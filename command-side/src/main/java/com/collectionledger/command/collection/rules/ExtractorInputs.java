package com.collectionledger.command.collection.rules;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration's {@code input_mappings}: each maps one of the extractor's inputs to a field of the
 * input schema of a type that input accepts; every required input is mapped, and at least the
 * extractor's minimum number of inputs.
 */
final class ExtractorInputs {

    private ExtractorInputs() {
    }

    static void check(ExtractorDefinition definition, Map<String, String> mappings, ObjectSchema input,
                      List<Violation> violations) {
        for (var mapping : mappings.entrySet()) {
            String[] path = {"feature_extractor", "input_mappings", mapping.getKey()};
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
                        "missing", "feature_extractor", "input_mappings", required));
            }
        }
        if (mappings.size() < definition.minimumInputs()) {
            violations.add(Violation.at(definition.id() + " needs at least " + definition.minimumInputs()
                            + " of its inputs " + definition.inputs().keySet() + " mapped", "missing",
                    "feature_extractor", "input_mappings"));
        }
    }
}
