package com.collectionledger.command.config;

import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.bucket.DeleteBucketCommand;
import com.collectionledger.api.bucket.UpdateBucketCommand;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.DeleteCollectionCommand;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.DeleteNamespaceCommand;
import com.collectionledger.api.namespace.UpdateNamespaceCommand;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.api.template.InstantiateTemplateCommand;
import com.collectionledger.command.domain.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the command bus checks of a shared-api command before any handler runs, so that a bus caller's
 * malformed command never reaches the store: the ID of what it creates has the shape the service gives
 * IDs, and the IDs it names are present, plain and no longer than the directory keeps. Everything else is the
 * domain's to judge. The REST adapter sends only IDs it generated or resolved, so it never trips these.
 */
final class CommandChecks {

    /** The width of every ID column of the directory. */
    static final int MAX_ID_LENGTH = 32;
    private static final Pattern NAMED_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private CommandChecks() {
    }

    /** The aggregate a command creates: its resource name and the caller-chosen ID. */
    record Created(String resource, String field, String prefix, String id) {
    }

    /** An ID a command names (the aggregate it goes to, or its namespace). */
    private record Named(String field, String id) {
    }

    private record Shape(Created created, List<Named> named) {
    }

    /**
     * Why the command is refused before it is handled, if it is: VALIDATION with its violations, or
     * ALREADY_EXISTS when the ID of what it creates is one it names (a clone into its own source).
     */
    static Optional<LedgerError> refusal(Object command) {
        List<Violation> violations = violations(command);
        if (!violations.isEmpty()) {
            return Optional.of(LedgerError.invalid(violations));
        }
        return shapeOf(command).filter(shape -> shape.created() != null && shape.named().stream()
                        .anyMatch(named -> named.id().equals(shape.created().id())))
                .map(shape -> alreadyExists(shape.created()));
    }

    /** The caller-chosen ID of what the command creates is taken. */
    static LedgerError alreadyExists(Created created) {
        return LedgerError.of(ErrorKind.ALREADY_EXISTS, created.resource() + " '" + created.id() + "' already exists",
                Map.of("resource", created.resource(), "identifier", created.id()));
    }

    private static List<Violation> violations(Object command) {
        List<Violation> violations = new ArrayList<>();
        shapeOf(command).ifPresent(shape -> {
            for (Named named : shape.named()) {
                check(named, violations);
            }
            Created created = shape.created();
            if (created != null) {
                if (created.id() == null) {
                    violations.add(Violation.at(created.field() + " is required", "missing", created.field()));
                } else if (!Ids.isShapedLike(created.prefix(), created.id())) {
                    violations.add(Violation.at(created.field() + " must be '" + created.prefix()
                            + "' and 10 lowercase letters or digits", "string_pattern_mismatch", created.field()));
                }
            }
        });
        if (command instanceof CreateCollectionCommand create && create.config() == null) {
            violations.add(Violation.at("config is required", "missing", "config"));
        }
        return violations;
    }

    /** The aggregate the command creates, if it creates one. */
    static Optional<Created> created(Object command) {
        return shapeOf(command).map(Shape::created);
    }

    private static void check(Named named, List<Violation> violations) {
        if (named.id() == null || named.id().isBlank()) {
            violations.add(Violation.at(named.field() + " is required", "missing", named.field()));
        } else if (named.id().length() > MAX_ID_LENGTH) {
            violations.add(Violation.at(named.field() + " must be at most " + MAX_ID_LENGTH + " characters",
                    "string_too_long", named.field()));
        } else if (!NAMED_ID.matcher(named.id()).matches()) {
            violations.add(Violation.at(named.field() + " must be letters, digits, '_', '-' or '.'",
                    "string_pattern_mismatch", named.field()));
        }
    }

    private static Optional<Shape> shapeOf(Object command) {
        Shape shape;
        if (command instanceof CreateNamespaceCommand c) {
            shape = new Shape(new Created("namespace", "namespace_id", "ns_", c.namespaceId()), List.of());
        } else if (command instanceof UpdateNamespaceCommand c) {
            shape = named(new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof DeleteNamespaceCommand c) {
            shape = named(new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof CloneNamespaceCommand c) {
            shape = new Shape(new Created("namespace", "new_namespace_id", "ns_", c.newNamespaceId()),
                    List.of(new Named("source_namespace_id", c.sourceNamespaceId())));
        } else if (command instanceof CreateBucketCommand c) {
            shape = new Shape(new Created("bucket", "bucket_id", "bkt_", c.bucketId()),
                    List.of(new Named("namespace_id", c.namespaceId())));
        } else if (command instanceof UpdateBucketCommand c) {
            shape = named(new Named("bucket_id", c.bucketId()), new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof DeleteBucketCommand c) {
            shape = named(new Named("bucket_id", c.bucketId()), new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof CreateCollectionCommand c) {
            shape = new Shape(new Created("collection", "collection_id", "col_", c.collectionId()),
                    List.of(new Named("namespace_id", c.namespaceId())));
        } else if (command instanceof UpdateCollectionCommand c) {
            shape = named(new Named("collection_id", c.collectionId()), new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof DeleteCollectionCommand c) {
            shape = named(new Named("collection_id", c.collectionId()), new Named("namespace_id", c.namespaceId()));
        } else if (command instanceof CloneCollectionCommand c) {
            shape = new Shape(new Created("collection", "new_collection_id", "col_", c.newCollectionId()),
                    List.of(new Named("source_collection_id", c.sourceCollectionId()),
                            new Named("namespace_id", c.namespaceId())));
        } else if (command instanceof CreateTemplateFromCollectionCommand c) {
            shape = new Shape(new Created("template", "template_id", "tmpl_", c.templateId()),
                    List.of(new Named("collection_id", c.collectionId()), new Named("namespace_id", c.namespaceId())));
        } else if (command instanceof InstantiateTemplateCommand c) {
            shape = new Shape(new Created("collection", "new_collection_id", "col_", c.newCollectionId()),
                    List.of(new Named("template_id", c.templateId()), new Named("namespace_id", c.namespaceId())));
        } else {
            shape = null;
        }
        return Optional.ofNullable(shape);
    }

    private static Shape named(Named... named) {
        return new Shape(null, List.of(named));
    }
}
