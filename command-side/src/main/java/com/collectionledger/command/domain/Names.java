package com.collectionledger.command.domain;

import com.collectionledger.api.error.Violation;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for every string that names something: 3..100 of letters, digits, {@code _ - .}; not an ID prefix. */
public final class Names {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.\\-]{3,100}");

    private Names() {
    }

    /** A violation at {@code <field>}, or empty when {@code name} is a valid name. */
    public static Optional<Violation> check(String field, String name, String idPrefix) {
        if (name == null || name.isBlank()) {
            return Optional.of(Violation.at(field + " is required", "missing", field));
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of(Violation.at(field + " must be 3 to 100 letters, digits, '_', '-' or '.'",
                    "string_pattern_mismatch", field));
        }
        if (name.startsWith(idPrefix)) {
            return Optional.of(Violation.at(field + " must not start with '" + idPrefix + "' (reserved for IDs)",
                    "value_error", field));
        }
        return Optional.empty();
    }

    public static void require(String field, String name, String idPrefix) {
        check(field, name, idPrefix).ifPresent(v -> {
            throw DomainException.invalid(java.util.List.of(v));
        });
    }
}
