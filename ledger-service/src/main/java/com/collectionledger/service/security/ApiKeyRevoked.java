package com.collectionledger.service.security;

/** A key was revoked (committed): whatever keeps it in memory drops it. */
record ApiKeyRevoked(String keyId) {
}
