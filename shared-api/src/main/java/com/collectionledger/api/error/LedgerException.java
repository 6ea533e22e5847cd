package com.collectionledger.api.error;

/** A failure with a typed {@link LedgerError}; how every layer reports what a caller did wrong. */
public class LedgerException extends RuntimeException {

    private final transient LedgerError error;

    public LedgerException(LedgerError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public LedgerError error() {
        return error;
    }

    public static LedgerException of(ErrorKind kind, String message) {
        return new LedgerException(LedgerError.of(kind, message));
    }

    public static LedgerException notFound(String what, String identifier) {
        return new LedgerException(LedgerError.of(ErrorKind.NOT_FOUND, what + " '" + identifier + "' not found",
                java.util.Map.of("resource", what, "identifier", identifier)));
    }
}
