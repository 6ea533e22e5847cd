package com.collectionledger.api.error;

/** The kinds of failure a caller can get, with the HTTP status and the envelope type of each. */
public enum ErrorKind {
    BAD_REQUEST(400, "BadRequestError"),
    AUTHENTICATION(401, "AuthenticationError"),
    PERMISSION_DENIED(403, "PermissionDeniedError"),
    NOT_FOUND(404, "NotFoundError"),
    ALREADY_EXISTS(409, "AlreadyExistsError"),
    CONFLICT(409, "ConflictError"),
    PRECONDITION_FAILED(412, "PreconditionFailedError"),
    PAYLOAD_TOO_LARGE(413, "PayloadTooLargeError"),
    VALIDATION(422, "ValidationError"),
    RATE_LIMIT(429, "RateLimitError"),
    /** The service or its store cannot take the request now (shutting down, store unreachable); retry. */
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableError"),
    INTERNAL(500, "InternalServerError");

    private final int status;
    private final String type;

    ErrorKind(int status, String type) {
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
