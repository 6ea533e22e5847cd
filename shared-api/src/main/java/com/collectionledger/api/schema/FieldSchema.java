package com.collectionledger.api.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One field of a bucket, input or output schema. {@code items} describes array elements and
 * {@code properties} the fields of an {@code object}; absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSchema(String type, String description, Boolean required, FieldSchema items,
                          Map<String, FieldSchema> properties) {

    public FieldSchema {
        properties = properties == null ? null : Schemas.ordered(properties);
    }

    public static FieldSchema of(String type) {
        return new FieldSchema(type, null, null, null, null);
    }

    /** The same field with only what schema comparison cares about: types, recursively. */
    public FieldSchema typeOnly() {
        return new FieldSchema(type, null, null, items == null ? null : items.typeOnly(),
                properties == null ? null : Schemas.typesOnly(properties));
    }
}
