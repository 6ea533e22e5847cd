package com.collectionledger.api.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One field of a bucket, input or output schema. {@code items} describes array elements and
 * {@code properties} the fields of an {@code object}; {@code default}, {@code examples} and
 * {@code enum} are kept as the client gave them (Mixpeek's BucketSchemaField); absent parts are left
 * out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSchema(String type, String description, Boolean required, FieldSchema items,
                          Map<String, FieldSchema> properties, @JsonProperty("default") Object defaultValue,
                          List<Object> examples, @JsonProperty("enum") List<Object> enumValues) {

    public FieldSchema {
        properties = properties == null ? null : Schemas.ordered(properties);
    }

    public FieldSchema(String type, String description, Boolean required, FieldSchema items,
                       Map<String, FieldSchema> properties) {
        this(type, description, required, items, properties, null, null, null);
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
