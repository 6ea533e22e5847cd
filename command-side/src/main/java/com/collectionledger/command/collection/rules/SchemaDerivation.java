package com.collectionledger.command.collection.rules;

import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Pure functions over schemas. */
final class SchemaDerivation {

    private SchemaDerivation() {
    }

    /** A field with the same name and a different type in two schemas. */
    record TypeClash(String field, String firstType, String secondType) {
    }

    /** The union of several schemas in order; the first clash of types, if any, instead. */
    static UnionResult union(List<ObjectSchema> schemas) {
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        for (ObjectSchema schema : schemas) {
            for (var entry : schema.properties().entrySet()) {
                FieldSchema existing = fields.get(entry.getKey());
                if (existing == null) {
                    fields.put(entry.getKey(), entry.getValue());
                } else if (!Objects.equals(existing.typeOnly(), entry.getValue().typeOnly())) {
                    return new UnionResult(null,
                            new TypeClash(entry.getKey(), existing.type(), entry.getValue().type()));
                }
            }
        }
        return new UnionResult(new ObjectSchema(fields), null);
    }

    record UnionResult(ObjectSchema schema, TypeClash clash) {
    }

    /** The field at a dotted path; each step but the last must be an {@code object} field. */
    static Optional<FieldSchema> field(ObjectSchema schema, String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        Map<String, FieldSchema> level = schema.properties();
        FieldSchema current = null;
        for (String step : path.split("\\.", -1)) {
            if (level == null) {
                return Optional.empty();
            }
            current = level.get(step);
            if (current == null) {
                return Optional.empty();
            }
            level = current.properties();
        }
        return Optional.of(current);
    }
}
