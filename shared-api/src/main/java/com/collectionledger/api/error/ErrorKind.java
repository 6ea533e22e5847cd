package com.collectionledger.api.error;

/**
 * The kinds of failure a caller can get, over the bus or over HTTP. A kind says what went wrong, not how a
 * transport shows it: the REST adapter maps each kind to its status and envelope type.
 */
public enum ErrorKind {
    BAD_REQUEST,
    AUTHENTICATION,
    PERMISSION_DENIED,
    NOT_FOUND,
    /** The name or ID asked for is taken. */
    ALREADY_EXISTS,
    /** The change contradicts the current state (a concurrent change, a live reader, a name race). */
    CONFLICT,
    /** The caller's expected version is not the current one. */
    PRECONDITION_FAILED,
    PAYLOAD_TOO_LARGE,
    /** The request is well formed but breaks a rule; the violations say where. */
    VALIDATION,
    RATE_LIMIT,
    /** The service or its store cannot take the request now (shutting down, store unreachable); retry. */
    SERVICE_UNAVAILABLE,
    INTERNAL
}
