package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.error.Violation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields that describe a resource rather than configure it: a description and metadata (collections,
 * buckets and namespaces) and a collection's taxonomy applications. Create, clone and PATCH share them.
 */
public final class DescriptiveFields {

    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_METADATA_BYTES = 16 * 1024;

    private DescriptiveFields() {
    }

    public static void checkDescription(String description, List<Violation> violations) {
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            violations.add(Violation.at("description must be at most " + MAX_DESCRIPTION + " characters",
                    "string_too_long", "description"));
        }
        // PostgreSQL text cannot hold U+0000: the read model could not store such a description, and
        // its processor would retry that event forever, holding back every later event of its segment.
        if (description != null && description.indexOf('\u0000') >= 0) {
            violations.add(Violation.at("description must not contain NUL (U+0000) characters",
                    "value_error", "description"));
        }
    }

    /** Metadata is measured as the JSON it is stored as, in UTF-8 bytes. */
    public static void checkMetadata(Map<String, Object> metadata, List<Violation> violations) {
        if (metadata == null) {
            return;
        }
        Optional<String> json = JsonText.of(metadata);
        if (json.isEmpty()) {
            violations.add(Violation.at("metadata must be a JSON object", "value_error", "metadata"));
            return;
        }
        int size = json.get().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_METADATA_BYTES) {
            violations.add(Violation.at("metadata must be at most 16 KiB serialized, was " + size + " bytes",
                    "value_error", "metadata"));
        }
    }

    public static void checkTaxonomies(List<TaxonomyApplication> taxonomies, List<Violation> violations) {
        if (taxonomies == null) {
            return;
        }
        for (int i = 0; i < taxonomies.size(); i++) {
            TaxonomyApplication t = taxonomies.get(i);
            String index = String.valueOf(i);
            if (t == null) {
                violations.add(Violation.at("taxonomy application must be an object", "missing",
                        "taxonomy_applications", index));
                continue;
            }
            if (t.taxonomyId() == null || t.taxonomyId().isBlank()) {
                violations.add(Violation.at("taxonomy_id is required", "missing",
                        "taxonomy_applications", index, "taxonomy_id"));
            }
            if (!Set.of("materialize", "on_demand").contains(t.executionMode())) {
                violations.add(Violation.at("execution_mode must be 'materialize' or 'on_demand'", "enum",
                        "taxonomy_applications", index, "execution_mode"));
            }
            if (t.executionPhase() < 1 || t.executionPhase() > 3) {
                violations.add(Violation.at("execution_phase must be between 1 and 3", "value_error",
                        "taxonomy_applications", index, "execution_phase"));
            }
            if (t.priority() < 0 || t.priority() > 1000) {
                violations.add(Violation.at("priority must be between 0 and 1000", "value_error",
                        "taxonomy_applications", index, "priority"));
            }
        }
    }
}
