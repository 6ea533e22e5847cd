package com.collectionledger.service.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An authenticated caller, valid until {@code expiresAt} (null: until revoked). Never holds the secret. */
public record ApiKey(String keyId, String name, Set<Permission> permissions, List<String> namespaces,
                     Instant expiresAt) {

    public ApiKey {
        permissions = Set.copyOf(permissions);
        namespaces = List.copyOf(namespaces);
    }

    /** Whether the key may do this; admin keys may do everything. */
    public boolean may(Permission permission) {
        return permissions.contains(permission) || permissions.contains(Permission.ADMIN);
    }

    public boolean mayUse(String namespaceId, String namespaceName) {
        return NamespaceScope.allows(namespaces, namespaceId, namespaceName);
    }
}
