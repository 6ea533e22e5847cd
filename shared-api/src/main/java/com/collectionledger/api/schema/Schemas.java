package com.collectionledger.api.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

final class Schemas {

    private Schemas() {
    }

    /** Immutable, but keeps insertion order: field order is part of what clients see. */
    static Map<String, FieldSchema> ordered(Map<String, FieldSchema> fields) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static Map<String, FieldSchema> typesOnly(Map<String, FieldSchema> fields) {
        Map<String, FieldSchema> result = new LinkedHashMap<>();
        fields.forEach((name, field) -> result.put(name, field == null ? null : field.typeOnly()));
        return Collections.unmodifiableMap(result);
    }
}
