package com.collectionledger.command.collection.rules;

import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a collection's input schema still fits the schemas of the buckets it reads: what a
 * bucket_schema change must keep, and what a create re-checks once it holds its namespace's lock.
 */
public final class InputSchemaFit {

    private InputSchemaFit() {
    }

    /**
     * The dotted paths of the fields of {@code before} that {@code after} lacks or gives another type
     * (nested object fields and array items included); empty when {@code after} only adds fields.
     */
    public static List<String> lostOrRetyped(ObjectSchema before, ObjectSchema after) {
        List<String> lost = new ArrayList<>();
        collect(before.properties(), after.properties(), "", lost);
        return lost;
    }

    private static void collect(Map<String, FieldSchema> before, Map<String, FieldSchema> after, String prefix,
                                List<String> lost) {
        before.forEach((name, field) -> {
            FieldSchema kept = after == null ? null : after.get(name);
            String path = prefix + name;
            if (field == null || kept == null || !Objects.equals(field.type(), kept.type())) {
                lost.add(path);
                return;
            }
            if (field.properties() != null) {
                collect(field.properties(), kept.properties(), path + ".", lost);
            }
            if (field.items() != null) {
                collect(Map.of("[]", field.items()), kept.items() == null ? null : Map.of("[]", kept.items()), path,
                        lost);
            }
        });
    }

    /** The first field that two of these schemas give different types, as a message; empty when none. */
    public static Optional<String> clash(List<ObjectSchema> schemas) {
        SchemaDerivation.TypeClash clash = SchemaDerivation.union(schemas).clash();
        return clash == null ? Optional.empty() : Optional.of("field '" + clash.field() + "' has type '"
                + clash.firstType() + "' in one source bucket and '" + clash.secondType() + "' in another");
    }

    /**
     * Why {@code input} no longer fits the union of {@code bucketSchemas} (a clash between them, or
     * input fields they lost or retyped); empty when it fits.
     */
    public static Optional<String> problem(ObjectSchema input, List<ObjectSchema> bucketSchemas) {
        SchemaDerivation.UnionResult union = SchemaDerivation.union(bucketSchemas);
        if (union.clash() != null) {
            return clash(bucketSchemas);
        }
        List<String> lost = lostOrRetyped(input, union.schema());
        return lost.isEmpty() ? Optional.empty()
                : Optional.of("the source buckets no longer have " + lost + " with the types the input schema has");
    }
}
