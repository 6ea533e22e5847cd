package com.collectionledger.service.security;

import java.util.Set;

/** An authenticated caller. Never holds the secret. */
public record ApiKey(String keyId, String name, Set<String> permissions, Set<String> namespaces) {
}
