package com.collectionledger.service.security;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.service.rest.write.NamespaceRenameGuard;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rename must not change who may use a namespace. Key scopes are matched against the namespace's
 * ID and its current name at every request, so a rename would silently cut off keys scoped to the old
 * name (or a pattern only it matches) and silently admit keys scoped to the new one. Such a rename is
 * a 409 ConflictError naming those keys; keys scoped by ID, by {@code *} or by a pattern both names
 * match are unaffected. Re-scope the keys (by namespace ID) first.
 */
@Component
class ScopedKeysRenameGuard implements NamespaceRenameGuard {

    private final ApiKeyStore keys;
    private final Clock clock;

    ScopedKeysRenameGuard(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void checkRename(String namespaceId, String currentName, String newName) {
        Instant now = clock.instant();
        List<Map<String, Object>> affected = keys.list().stream()
                .filter(key -> key.revokedAt() == null && (key.expiresAt() == null || key.expiresAt().isAfter(now)))
                .filter(key -> NamespaceScope.allows(key.namespaces(), namespaceId, currentName)
                        != NamespaceScope.allows(key.namespaces(), namespaceId, newName))
                .map(key -> {
                    Map<String, Object> named = new LinkedHashMap<>();
                    named.put("key_id", key.keyId());
                    named.put("name", key.name());
                    named.put("access", NamespaceScope.allows(key.namespaces(), namespaceId, currentName)
                            ? "would lose" : "would gain");
                    return named;
                })
                .toList();
        if (!affected.isEmpty()) {
            throw new LedgerException(LedgerError.of(ErrorKind.CONFLICT, "renaming namespace '" + currentName
                    + "' to '" + newName + "' would change which API keys may use it (" + affected.size()
                    + " key(s) scoped by name); scope them by the namespace's ID (" + namespaceId + ") first",
                    Map.of("keys", affected)));
        }
    }
}
