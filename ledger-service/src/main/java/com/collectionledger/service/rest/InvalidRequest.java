package com.collectionledger.service.rest;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;

import java.util.List;

/**
 * A request this adapter found wrong before anything reached the bus. Its violations are located in
 * the HTTP request already ({@code [body, sort, field]}, {@code [query, limit]}), unlike those the bus
 * reports, which {@link ApiExceptionHandler} places.
 */
public class InvalidRequest extends LedgerException {

    public InvalidRequest(LedgerError error) {
        super(error);
    }

    public InvalidRequest(List<Violation> violations) {
        this(LedgerError.invalid(violations));
    }
}
