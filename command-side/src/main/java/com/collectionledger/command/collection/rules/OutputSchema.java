package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection's output schema: every input field when {@code include_all_source_fields}, then each
 * passed-through field under its output name, then one field per extractor output, named
 * {@code <extractor id>_<output>}. No name may come from two places.
 */
final class OutputSchema {

    private OutputSchema() {
    }

    static ObjectSchema derive(ExtractorDefinition definition, FeatureExtractorConfig extractor, ObjectSchema input,
                               List<Violation> violations) {
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
                        "feature_extractor", "field_passthrough", index, "source_path"));
                continue;
            }
            Optional<FieldSchema> source = SchemaDerivation.field(input, field.sourcePath());
            if (source.isEmpty()) {
                violations.add(Violation.at("'" + field.sourcePath() + "' is not a field of the input schema",
                        "value_error", "feature_extractor", "field_passthrough", index, "source_path"));
                continue;
            }
            String name = field.outputName();
            if (origin.containsKey(name) && !origin.get(name).equals(field.sourcePath())) {
                violations.add(Violation.at("two output fields are named '" + name + "'", "value_error",
                        "feature_extractor", "field_passthrough", index));
                continue;
            }
            if (origin.containsKey(name) && !extractor.includeAllSourceFields()) {
                violations.add(Violation.at("'" + field.sourcePath() + "' is passed through twice", "value_error",
                        "feature_extractor", "field_passthrough", index));
                continue;
            }
            origin.put(name, field.sourcePath());
            output.put(name, source.get());
        }
        for (String out : definition.outputs()) {
            String name = definition.id() + "_" + out;
            if (output.containsKey(name)) {
                violations.add(Violation.at("output field '" + name + "' would be written twice", "value_error",
                        "feature_extractor", "field_passthrough"));
            }
            output.put(name, FieldSchema.of(definition.outputType(out)));
        }
        return new ObjectSchema(output);
    }
}
