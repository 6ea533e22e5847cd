package com.collectionledger.command.domain;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;

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

    public static DomainException invalid(List<Violation> violations) {
        return new DomainException(LedgerError.invalid(violations));
    }
}
