package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A collection's input schema, derived from its source: the union of the schemas of the buckets of
 * its namespace it reads, or of the output schemas of its upstream collections (never itself). A
 * requested input schema may narrow it to some of its fields, with their types.
 */
final class SourceDerivation {

    /** The derived input schema, and the tiers upstream of this collection (none for a bucket source). */
    record DerivedInput(ObjectSchema input, Map<String, ObjectSchema> bucketSchemas,
                        List<SourceLineageEntry> upstream) {
    }

    private final Directory directory;

    SourceDerivation(Directory directory) {
        this.directory = directory;
    }

    /** The input a source gives, or null with the reasons in {@code violations}. */
    DerivedInput derive(String collectionId, String namespaceId, SourceConfig source, List<Violation> violations) {
        if (source == null) {
            violations.add(Violation.at("source is required", "missing", "source"));
            return null;
        }
        if (SourceConfig.BUCKET.equals(source.type())) {
            return fromBuckets(namespaceId, source, violations);
        }
        if (SourceConfig.COLLECTION.equals(source.type())) {
            return fromCollections(collectionId, namespaceId, source, violations);
        }
        violations.add(Violation.at("source.type must be 'bucket' or 'collection'", "enum", "source", "type"));
        return null;
    }

    private DerivedInput fromBuckets(String namespaceId, SourceConfig source, List<Violation> violations) {
        List<String> ids = source.bucketIds();
        if (ids == null || ids.isEmpty()) {
            violations.add(Violation.at("source.bucket_ids must name at least one bucket", "missing",
                    "source", "bucket_ids"));
            return null;
        }
        List<ObjectSchema> schemas = new ArrayList<>();
        Map<String, ObjectSchema> byBucket = new LinkedHashMap<>();
        boolean complete = true;
        for (int i = 0; i < ids.size(); i++) {
            Optional<Directory.BucketEntry> bucket = directory.bucket(namespaceId, ids.get(i));
            if (bucket.isEmpty()) {
                violations.add(Violation.at("bucket '" + ids.get(i) + "' does not exist in this namespace",
                        "not_found", "source", "bucket_ids", String.valueOf(i)));
                complete = false;
            } else {
                schemas.add(bucket.get().bucketSchema());
                byBucket.put(ids.get(i), bucket.get().bucketSchema());
            }
        }
        if (!complete) {
            return null;
        }
        SchemaDerivation.UnionResult union = SchemaDerivation.union(schemas);
        if (union.clash() != null) {
            violations.add(clash(union.clash(), "bucket_ids"));
            return null;
        }
        return new DerivedInput(union.schema(), ids.size() > 1 ? byBucket : null, List.of());
    }

    private DerivedInput fromCollections(String collectionId, String namespaceId, SourceConfig source,
                                         List<Violation> violations) {
        List<String> ids = source.sourceCollectionIds();
        String field = source.collectionIds() != null && !source.collectionIds().isEmpty()
                ? "collection_ids" : "collection_id";
        if (ids.isEmpty()) {
            violations.add(Violation.at("source.collection_id is required for a collection source", "missing",
                    "source", "collection_id"));
            return null;
        }
        List<ObjectSchema> schemas = new ArrayList<>();
        // Several upstream collections may share tiers (a diamond): each tier is listed once.
        Set<SourceLineageEntry> upstreamTiers = new LinkedHashSet<>();
        boolean complete = true;
        for (int i = 0; i < ids.size(); i++) {
            String[] path = field.equals("collection_id")
                    ? new String[]{"source", field}
                    : new String[]{"source", field, String.valueOf(i)};
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                violations.add(Violation.at("a source collection ID must not be empty", "missing", path));
                complete = false;
                continue;
            }
            if (ids.get(i).equals(collectionId)) {
                violations.add(Violation.at("a collection cannot be its own source", "value_error", path));
                complete = false;
                continue;
            }
            Optional<Directory.CollectionEntry> upstream = directory.liveCollection(namespaceId, ids.get(i));
            if (upstream.isEmpty()) {
                violations.add(Violation.at("collection '" + ids.get(i) + "' does not exist in this namespace",
                        "not_found", path));
                complete = false;
            } else {
                schemas.add(upstream.get().outputSchema());
                upstreamTiers.addAll(upstream.get().sourceLineage());
            }
        }
        if (!complete) {
            return null;
        }
        SchemaDerivation.UnionResult union = SchemaDerivation.union(schemas);
        if (union.clash() != null) {
            violations.add(clash(union.clash(), field));
            return null;
        }
        return new DerivedInput(union.schema(), null, List.copyOf(upstreamTiers));
    }

    private static Violation clash(SchemaDerivation.TypeClash clash, String field) {
        return Violation.at("field '" + clash.field() + "' has type '" + clash.firstType() + "' in one source and '"
                + clash.secondType() + "' in another", "type_conflict", "source", field);
    }

    /** The fields of {@code requested} that {@code derived} has with the same type; the others are violations. */
    static ObjectSchema narrow(ObjectSchema derived, ObjectSchema requested, List<Violation> violations) {
        Map<String, FieldSchema> narrowed = new LinkedHashMap<>();
        requested.properties().forEach((name, field) -> {
            FieldSchema available = derived.properties().get(name);
            if (available == null) {
                violations.add(Violation.at("input_schema field '" + name + "' is not in the source's schema",
                        "value_error", "input_schema", "properties", name));
            } else if (field == null || !available.type().equals(field.type())) {
                violations.add(Violation.at("input_schema field '" + name + "' must have the source's type '"
                        + available.type() + "'", "type_error", "input_schema", "properties", name));
            } else {
                narrowed.put(name, available);
            }
        });
        return new ObjectSchema(narrowed);
    }
}
