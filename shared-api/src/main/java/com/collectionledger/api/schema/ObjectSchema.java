package com.collectionledger.api.schema;

import java.util.Map;

/** A schema as Mixpeek writes it: {@code {"properties": {<field>: {type, ...}}}}, in field order. */
public record ObjectSchema(Map<String, FieldSchema> properties) {

    public ObjectSchema {
        properties = Schemas.ordered(properties == null ? Map.of() : properties);
    }

    public static ObjectSchema empty() {
        return new ObjectSchema(Map.of());
    }
}
