package com.collectionledger.command.bucket;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.collection.ConfigurationRules;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;
import com.collectionledger.command.domain.Names;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Where objects live; its schema is what collections sourced from it read. */
@Aggregate
public class Bucket {

    static final String ID_PREFIX = "bkt_";
    static final Set<String> FIELD_TYPES = Set.of("string", "number", "integer", "float", "boolean", "object",
            "array", "date", "datetime", "text", "image", "audio", "video", "pdf", "excel");

    @AggregateIdentifier
    private String bucketId;
    private String bucketName;
    private String description;
    private ObjectSchema bucketSchema;
    private Map<String, Object> metadata;

    /** What a namespace clone copies of a bucket. */
    public record CloneSource(String bucketId, String bucketName, String description, ObjectSchema bucketSchema,
                              Map<String, Object> metadata) {
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
        return new CloneSource(bucketId, bucketName, description, bucketSchema, metadata);
    }

    @CommandHandler
    public Bucket(CreateBucketCommand command, Directory directory, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        Names.check("bucket_name", command.bucketName(), ID_PREFIX).ifPresent(violations::add);
        ConfigurationRules.checkDescription(command.description(), violations);
        ConfigurationRules.checkMetadata(command.metadata(), violations);
        if (command.bucketSchema() == null || command.bucketSchema().properties().isEmpty()) {
            violations.add(Violation.at("bucket_schema.properties must define at least one field", "missing",
                    "body", "bucket_schema", "properties"));
        } else {
            checkFields(command.bucketSchema().properties(), new ArrayList<>(List.of("body", "bucket_schema",
                    "properties")), violations);
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (directory.bucketNameTaken(command.namespaceId(), command.bucketName())) {
            throw DomainException.nameTaken("bucket", command.bucketName());
        }
        apply(new BucketCreated(command.bucketId(), command.namespaceId(), command.bucketName(),
                command.description(), command.bucketSchema(), command.metadata(), clock.instant()));
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
                violations.add(new Violation(typePath, "type must be one of " + new java.util.TreeSet<>(FIELD_TYPES),
                        "enum"));
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

    @EventSourcingHandler
    void on(BucketCreated event) {
        bucketId = event.bucketId();
        bucketName = event.bucketName();
        description = event.description();
        bucketSchema = event.bucketSchema();
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(BucketCloned event) {
        on(event.asCreated());
    }
}
