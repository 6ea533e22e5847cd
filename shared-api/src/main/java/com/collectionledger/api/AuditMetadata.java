package com.collectionledger.api;

/** Keys of the metadata that every command and event carries: who caused it and in which request. */
public final class AuditMetadata {

    public static final String ACTOR_KEY_ID = "actorKeyId";
    public static final String ACTOR_NAME = "actorName";
    public static final String REQUEST_ID = "requestId";

    private AuditMetadata() {
    }
}
