package com.collectionledger.command.collection.rules;

import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.object;
import static com.collectionledger.command.support.Seed.schema;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaDerivationTest {

    @Test
    void unionKeepsFieldsInFirstSeenOrder() {
        SchemaDerivation.UnionResult union = SchemaDerivation.union(List.of(
                schema("b", "string", "a", "text"), schema("c", "video", "a", "text")));

        assertThat(union.clash()).isNull();
        assertThat(List.copyOf(union.schema().properties().keySet())).containsExactly("b", "a", "c");
    }

    @Test
    void unionReportsTheFirstFieldWithTwoTypes() {
        SchemaDerivation.UnionResult union = SchemaDerivation.union(List.of(
                schema("a", "string", "b", "text"), schema("b", "string", "a", "integer")));

        assertThat(union.schema()).isNull();
        assertThat(union.clash()).isEqualTo(new SchemaDerivation.TypeClash("b", "text", "string"));
    }

    @Test
    void unionComparesNestedTypesButNotDescriptions() {
        FieldSchema described = new FieldSchema("object", "who wrote it", true, null,
                Map.of("name", new FieldSchema("string", "full name", null, null, null)));
        FieldSchema plain = object("name", "string");
        FieldSchema otherNested = object("name", "integer");

        assertThat(SchemaDerivation.union(List.of(new ObjectSchema(Map.of("author", described)),
                new ObjectSchema(Map.of("author", plain)))).clash()).isNull();
        assertThat(SchemaDerivation.union(List.of(new ObjectSchema(Map.of("author", described)),
                new ObjectSchema(Map.of("author", otherNested)))).clash()).isNotNull();
    }

    @Test
    void unionOfOneSchemaIsThatSchema() {
        assertThat(SchemaDerivation.union(List.of(schema("a", "text"))).schema()).isEqualTo(schema("a", "text"));
    }

    @Test
    void dottedPathWalksIntoObjectFieldsOnly() {
        ObjectSchema schema = new ObjectSchema(Map.of(
                "meta", new FieldSchema("object", null, null, null, Map.of("author", object("name", "string"))),
                "title", FieldSchema.of("string")));

        assertThat(SchemaDerivation.field(schema, "meta.author.name")).contains(FieldSchema.of("string"));
        assertThat(SchemaDerivation.field(schema, "title")).contains(FieldSchema.of("string"));
        assertThat(SchemaDerivation.field(schema, "title.length")).isEmpty();
        assertThat(SchemaDerivation.field(schema, "meta.missing")).isEmpty();
        assertThat(SchemaDerivation.field(schema, "meta.")).isEmpty();
        assertThat(SchemaDerivation.field(schema, "")).isEmpty();
        assertThat(SchemaDerivation.field(schema, null)).isEmpty();
    }
}
