package com.collectionledger.service.rest;

/**
 * Names of the servlet request attributes that the service's authentication filter sets for the
 * controllers of both sides: who is calling, in which namespace, under which request ID.
 */
public final class RequestAttributes {

    public static final String NAMESPACE_ID = "ledger.namespaceId";
    public static final String KEY_ID = "ledger.keyId";
    public static final String KEY_NAME = "ledger.keyName";
    public static final String REQUEST_ID = "ledger.requestId";
    /** The namespaces the key may use ({@code List<String>} of IDs, names or patterns with {@code *}). */
    public static final String NAMESPACE_SCOPE = "ledger.namespaceScope";
    /** The request's Idempotency-Key and the hash of the request, which its command carries to the command side. */
    public static final String IDEMPOTENCY_KEY = "ledger.idempotencyKey";
    public static final String REQUEST_HASH = "ledger.requestHash";

    public static final String NAMESPACE_HEADER = "X-Namespace";
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    private RequestAttributes() {
    }
}
