package com.collectionledger.command.bucket;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.bucket.DeleteBucketCommand;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.bucket.UpdateBucketCommand;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.collection.rules.DescriptiveFields;
import com.collectionledger.command.collection.rules.InputSchemaFit;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Names;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Where objects live; its schema is what collections sourced from it read. While live collections
 * read it, it cannot be deleted and its schema may only grow (see {@link #requireReadersStillFit}).
 */
@Aggregate
public class Bucket {

    static final String ID_PREFIX = "bkt_";
    static final Set<String> FIELD_TYPES = Set.of("string", "number", "integer", "float", "boolean", "object",
            "array", "date", "datetime", "text", "image", "audio", "video", "pdf", "excel");
    /** The types a unique key field may have: scalars, no blobs, objects or arrays. */
    static final Set<String> KEY_TYPES = Set.of("string", "integer", "float", "number", "date", "datetime");
    static final Set<String> POLICIES = Set.of("insert", "update", "upsert");

    @AggregateIdentifier
    private String bucketId;
    private String namespaceId;
    private String bucketName;
    private String description;
    private ObjectSchema bucketSchema;
    private Map<String, Object> metadata;
    private UniqueKey uniqueKey;
    private long version;
    private boolean deleted;

    /** What a namespace clone copies of a bucket. */
    public record CloneSource(String bucketId, String bucketName, String description, ObjectSchema bucketSchema,
                              Map<String, Object> metadata, UniqueKey uniqueKey) {
    }

    protected Bucket() {
        // for Axon
    }

    /** A bucket cloned with its namespace: its first event is the one the namespace clone decided on. */
    public static Bucket fromClone(BucketCloned cloned) {
        return new Bucket(cloned);
    }

    private Bucket(BucketCloned cloned) {
        apply(cloned);
    }

    public CloneSource cloneSource() {
        return new CloneSource(bucketId, bucketName, description, bucketSchema, metadata, uniqueKey);
    }

    @CommandHandler
    public Bucket(CreateBucketCommand command, Directory directory, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        Names.check("bucket_name", command.bucketName(), ID_PREFIX).ifPresent(violations::add);
        DescriptiveFields.checkDescription(command.description(), violations);
        DescriptiveFields.checkMetadata(command.metadata(), violations);
        boolean schemaValid = checkSchema(command.bucketSchema(), violations);
        if (command.uniqueKey() != null && schemaValid) {
            checkUniqueKey(command.uniqueKey(), command.bucketSchema(), violations);
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (directory.bucketNameTaken(command.namespaceId(), command.bucketName())) {
            throw DomainException.nameTaken("bucket", command.bucketName());
        }
        apply(new BucketCreated(command.bucketId(), command.namespaceId(), command.bucketName(),
                command.description(), command.bucketSchema(), command.metadata(), command.uniqueKey(),
                clock.instant()));
    }

    /** PATCH and PUT: name, description, metadata, and a schema that keeps what readers and the unique key need. */
    @CommandHandler
    public CommandOutcome handle(UpdateBucketCommand command, Directory directory, Clock clock) {
        requireLiveIn(command.namespaceId());
        String name = command.bucketName() != null ? command.bucketName() : bucketName;
        List<Violation> violations = new ArrayList<>();
        if (!name.equals(bucketName)) {
            Names.check("bucket_name", name, ID_PREFIX).ifPresent(violations::add);
        }
        DescriptiveFields.checkDescription(command.description(), violations);
        DescriptiveFields.checkMetadata(command.metadata(), violations);
        if (command.bucketSchema() != null && checkSchema(command.bucketSchema(), violations) && uniqueKey != null) {
            requireKeyFieldsKept(command.bucketSchema(), violations);
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        String nextDescription = command.description() != null ? command.description() : description;
        ObjectSchema schema = command.bucketSchema() != null ? command.bucketSchema() : bucketSchema;
        Map<String, Object> nextMetadata = command.metadata() != null ? command.metadata() : metadata;
        List<String> changed = new ArrayList<>();
        if (!name.equals(bucketName)) changed.add("bucket_name");
        if (!Objects.equals(nextDescription, description)) changed.add("description");
        if (!schema.equals(bucketSchema)) changed.add("bucket_schema");
        if (!Objects.equals(nextMetadata, metadata)) changed.add("metadata");
        if (changed.isEmpty()) {
            return new CommandOutcome(bucketId, version);
        }
        if (changed.contains("bucket_name") && directory.bucketNameTaken(namespaceId, name)) {
            throw DomainException.nameTaken("bucket", name);
        }
        if (changed.contains("bucket_schema")) {
            requireReadersStillFit(schema, directory);
        }
        apply(new BucketUpdated(bucketId, namespaceId, changed, name, nextDescription, schema, nextMetadata,
                clock.instant()));
        return new CommandOutcome(bucketId, version);
    }

    /** A bucket that live collections read cannot be deleted: 409 naming them. */
    @CommandHandler
    public CommandOutcome handle(DeleteBucketCommand command, Directory directory, Clock clock) {
        requireLiveIn(command.namespaceId());
        directory.lockNamespace(namespaceId);
        List<Directory.CollectionEntry> readers = directory.liveBucketDependents(bucketId);
        if (!readers.isEmpty()) {
            throw DomainException.usedBy("bucket '" + bucketName + "' is the source of "
                    + DomainException.names(readers) + "; delete those first", readers, Map.of());
        }
        apply(new BucketDeleted(bucketId, namespaceId, bucketName, clock.instant()));
        return new CommandOutcome(bucketId, version);
    }

    /**
     * Deletes this bucket as part of its namespace's deletion, which deletes its readers too: no
     * dependents check. Called on the loaded aggregate, in the namespace command's unit of work.
     */
    public void deleteWithItsNamespace(Instant at) {
        if (!deleted) {
            apply(new BucketDeleted(bucketId, namespaceId, bucketName, at));
        }
    }

    /**
     * The rule for a new schema while live collections read the bucket: it may only add fields (every
     * field keeps its path and type, so each reader's input schema and mappings still hold), and for
     * a reader of several buckets the union of their schemas must not clash. Else 409 naming them.
     */
    private void requireReadersStillFit(ObjectSchema schema, Directory directory) {
        directory.lockNamespace(namespaceId);
        List<Directory.CollectionEntry> readers = directory.liveBucketDependents(bucketId);
        if (readers.isEmpty()) {
            return;
        }
        List<String> lost = InputSchemaFit.lostOrRetyped(bucketSchema, schema);
        if (!lost.isEmpty()) {
            throw DomainException.usedBy("bucket_schema of '" + bucketName + "' may only add fields while live "
                    + "collections read it (" + DomainException.names(readers) + "); this change drops or retypes "
                    + lost, readers, Map.of("fields", lost));
        }
        for (Directory.CollectionEntry reader : readers) {
            List<String> sources = bucketSources(reader);
            if (sources.size() > 1) {
                List<ObjectSchema> schemas = sources.stream().map(id -> id.equals(bucketId) ? schema
                        : directory.bucket(namespaceId, id).map(Directory.BucketEntry::bucketSchema)
                        .orElse(ObjectSchema.empty())).toList();
                InputSchemaFit.clash(schemas).ifPresent(clash -> {
                    throw DomainException.usedBy("bucket_schema of '" + bucketName + "' would make the source buckets"
                            + " of '" + reader.collectionName() + "' clash: " + clash, List.of(reader), Map.of());
                });
            }
        }
    }

    /** The buckets a bucket-sourced collection reads: the last (here the only) step of its lineage. */
    private static List<String> bucketSources(Directory.CollectionEntry collection) {
        List<SourceLineageEntry> lineage = collection.sourceLineage();
        SourceLineageEntry direct = lineage.isEmpty() ? null : lineage.get(lineage.size() - 1);
        return direct != null && SourceConfig.BUCKET.equals(direct.sourceConfig().type())
                ? direct.sourceConfig().bucketIds() : List.of();
    }

    /** Checks a whole schema; answers whether it is valid. */
    private static boolean checkSchema(ObjectSchema schema, List<Violation> violations) {
        int before = violations.size();
        if (schema == null || schema.properties().isEmpty()) {
            violations.add(Violation.at("bucket_schema.properties must define at least one field", "missing",
                    "bucket_schema", "properties"));
        } else {
            checkFields(schema.properties(), new ArrayList<>(List.of("bucket_schema", "properties")),
                    violations);
        }
        return violations.size() == before;
    }

    /** Mixpeek's UniqueKeyConfig: one or more distinct top-level schema fields of scalar types, and a known policy. */
    private static void checkUniqueKey(UniqueKey key, ObjectSchema schema, List<Violation> violations) {
        if (key.fields() == null || key.fields().isEmpty()) {
            violations.add(Violation.at("unique_key.fields must name at least one field of bucket_schema", "missing",
                    "unique_key", "fields"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < key.fields().size(); i++) {
                String field = key.fields().get(i);
                String[] at = {"unique_key", "fields", String.valueOf(i)};
                String problem = keyFieldProblem(field, schema);
                if (problem != null) {
                    violations.add(Violation.at(problem, "value_error", at));
                } else if (!seen.add(field)) {
                    violations.add(Violation.at("'" + field + "' is listed twice", "value_error", at));
                }
            }
        }
        if (key.defaultPolicy() != null && !POLICIES.contains(key.defaultPolicy())) {
            violations.add(Violation.at("default_policy must be one of " + new TreeSet<>(POLICIES), "enum",
                    "unique_key", "default_policy"));
        }
    }

    private static String keyFieldProblem(String field, ObjectSchema schema) {
        FieldSchema defined = field == null ? null : schema.properties().get(field);
        if (defined == null) {
            return "unique key field '" + field + "' is not a top-level field of bucket_schema";
        }
        if (!KEY_TYPES.contains(defined.type())) {
            return "unique key field '" + field + "' is " + defined.type() + "; a unique key field must be one of "
                    + new TreeSet<>(KEY_TYPES);
        }
        return null;
    }

    /** A new schema must keep the unique key's fields, as fields a key may use. */
    private void requireKeyFieldsKept(ObjectSchema schema, List<Violation> violations) {
        for (String field : uniqueKey.fields()) {
            String problem = keyFieldProblem(field, schema);
            if (problem != null) {
                violations.add(Violation.at(problem + " (the bucket's unique_key needs it)", "value_error",
                        "bucket_schema", "properties"));
            }
        }
    }

    private static void checkFields(Map<String, FieldSchema> fields, List<String> path, List<Violation> violations) {
        fields.forEach((name, field) -> {
            List<String> here = new ArrayList<>(path);
            here.add(name);
            if (name.isEmpty() || name.contains(".") || name.chars().anyMatch(Character::isISOControl)) {
                violations.add(new Violation(here, "field name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' must be non-empty, without '.' or control characters", "value_error"));
            }
            if (field == null || field.type() == null) {
                violations.add(new Violation(here, "field '" + name + "' needs a type", "missing"));
                return;
            }
            if (!FIELD_TYPES.contains(field.type())) {
                List<String> typePath = new ArrayList<>(here);
                typePath.add("type");
                violations.add(new Violation(typePath, "type must be one of " + new TreeSet<>(FIELD_TYPES), "enum"));
            }
            if (field.properties() != null) {
                List<String> nested = new ArrayList<>(here);
                nested.add("properties");
                checkFields(field.properties(), nested, violations);
            }
            if (field.items() != null) {
                List<String> items = new ArrayList<>(here);
                items.add("items");
                checkFields(Map.of("items", field.items()), items.subList(0, items.size() - 1), violations);
            }
        });
    }

    private void requireLiveIn(String requestNamespace) {
        // Another namespace's bucket is indistinguishable from a missing one.
        if (deleted || !namespaceId.equals(requestNamespace)) {
            throw DomainException.notFound("bucket", bucketId);
        }
    }

    @EventSourcingHandler
    void on(BucketCreated event, @SequenceNumber long sequence) {
        bucketId = event.bucketId();
        namespaceId = event.namespaceId();
        bucketName = event.bucketName();
        description = event.description();
        bucketSchema = event.bucketSchema();
        metadata = event.metadata();
        uniqueKey = event.uniqueKey();
        version = sequence;
    }

    @EventSourcingHandler
    void on(BucketUpdated event, @SequenceNumber long sequence) {
        bucketName = event.bucketName();
        description = event.description();
        bucketSchema = event.bucketSchema();
        metadata = event.metadata();
        version = sequence;
    }

    @EventSourcingHandler
    void on(BucketDeleted event, @SequenceNumber long sequence) {
        deleted = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(BucketCloned event, @SequenceNumber long sequence) {
        on(event.asCreated(), sequence);
    }
}
