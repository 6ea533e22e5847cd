package com.collectionledger.api.error;

import java.util.List;
import java.util.Map;

/**
 * A domain failure as remote callers receive it: the details of a CommandExecutionException.
 * Serializable by any Axon serializer; {@code details} holds plain JSON values only.
 */
public record LedgerError(ErrorKind kind, String message, Map<String, Object> details, List<Violation> violations) {

    public LedgerError {
        details = details == null ? Map.of() : Map.copyOf(details);
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static LedgerError of(ErrorKind kind, String message) {
        return new LedgerError(kind, message, Map.of(), List.of());
    }

    public static LedgerError of(ErrorKind kind, String message, Map<String, Object> details) {
        return new LedgerError(kind, message, details, List.of());
    }

    public static LedgerError invalid(List<Violation> violations) {
        String message = violations.size() == 1
                ? violations.get(0).message()
                : violations.size() + " validation errors; see details";
        return new LedgerError(ErrorKind.VALIDATION, message, Map.of(), violations);
    }
}
