package com.collectionledger.command.domain;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command broke a domain rule. */
public class DomainException extends LedgerException {

    public DomainException(LedgerError error) {
        super(error);
    }

    public static DomainException notFound(String what, String identifier) {
        return new DomainException(LedgerError.of(ErrorKind.NOT_FOUND, what + " '" + identifier + "' not found",
                Map.of("resource", what, "identifier", identifier)));
    }

    public static DomainException nameTaken(String what, String name) {
        return new DomainException(LedgerError.of(ErrorKind.ALREADY_EXISTS,
                what + " named '" + name + "' already exists", Map.of("resource", what, "name", name)));
    }

    /**
     * A 409 ConflictError about live collections that depend on what the command would change:
     * {@code details.dependents} names each one, next to {@code moreDetails}.
     */
    public static DomainException usedBy(String message, List<Directory.CollectionEntry> dependents,
                                         Map<String, Object> moreDetails) {
        Map<String, Object> details = new LinkedHashMap<>(moreDetails);
        details.put("dependents", dependents.stream()
                .map(d -> Map.<String, Object>of("collection_id", d.collectionId(), "collection_name", d.collectionName()))
                .toList());
        return new DomainException(LedgerError.of(ErrorKind.CONFLICT, message, details));
    }

    /** The names of these collections, for messages. */
    public static List<String> names(List<Directory.CollectionEntry> collections) {
        return collections.stream().map(Directory.CollectionEntry::collectionName).toList();
    }

    public static DomainException invalid(List<Violation> violations) {
        return new DomainException(LedgerError.invalid(violations));
    }
}
