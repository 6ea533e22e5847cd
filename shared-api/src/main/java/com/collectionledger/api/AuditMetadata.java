package com.collectionledger.api;

/**
 * Keys of the metadata that every command and event carries: who caused it and in which request.
 * An HTTP request's API key is recorded by the ledger itself; a service that sends commands on the bus
 * names itself under {@link #ACTOR_SERVICE} on every command it sends, and the ledger copies that onto
 * every event the command causes, as it does a key's.
 */
public final class AuditMetadata {

    public static final String ACTOR_KEY_ID = "actorKeyId";
    public static final String ACTOR_NAME = "actorName";
    public static final String REQUEST_ID = "requestId";
    /** The name of the service that sent a command on the bus, e.g. {@code "search-indexer"}. */
    public static final String ACTOR_SERVICE = "actorService";
    /** What the ledger records as {@link #ACTOR_SERVICE} for a bus command that names no service. */
    public static final String UNKNOWN_SERVICE = "unknown";
    /**
     * A caller's key for one intended write (1 to 255 printable ASCII characters). Within 24 hours, a
     * command sent again by the same caller (API key or service) with the same key is not handled again:
     * it answers what the first one answered, even when that answer never reached the caller.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * Optional, with {@link #IDEMPOTENCY_KEY}: what makes two sends the same request, when the command's
     * payload cannot (a retry that generated a new ID for what it creates). Without it, the payload is.
     */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    private AuditMetadata() {
    }
}
