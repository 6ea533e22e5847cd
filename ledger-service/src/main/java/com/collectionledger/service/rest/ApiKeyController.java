package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.security.ApiKeyStore;
import com.collectionledger.service.security.NamespaceScope;
import com.collectionledger.service.security.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Key management (admin keys only): create (the secret is shown this once), list, revoke. */
@RestController
@RequestMapping("/v1/api-keys")
class ApiKeyController {

    record CreateKeyRequest(String name, List<String> permissions, List<String> namespaces, Instant expiresAt) {
    }

    record KeyResponse(String keyId, @JsonInclude(JsonInclude.Include.NON_NULL) String key, String name, List<String> permissions, List<String> namespaces,
                       Instant createdAt, Instant expiresAt, Instant revokedAt) {

        static KeyResponse of(ApiKeyStore.KeyInfo info, String secret) {
            return new KeyResponse(info.keyId(), secret, info.name(), info.permissions(), info.namespaces(),
                    info.createdAt(), info.expiresAt(), info.revokedAt());
        }
    }

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.\\-]{1,100}");

    private final ApiKeyStore keys;
    private final Clock clock;

    ApiKeyController(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @PostMapping
    KeyResponse create(@RequestBody CreateKeyRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            violations.add(Violation.at("name must be 1 to 100 letters, digits, spaces, '_', '-' or '.'",
                    "value_error", "body", "name"));
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (request.permissions() == null || request.permissions().isEmpty()) {
            violations.add(Violation.at("permissions must list at least one of read, write, delete, admin",
                    "missing", "body", "permissions"));
        } else {
            for (int i = 0; i < request.permissions().size(); i++) {
                String permission = request.permissions().get(i);
                if (Permission.fromWire(permission).isPresent()) {
                    permissions.add(Permission.fromWire(permission).get());
                } else {
                    violations.add(Violation.at("permission must be read, write, delete or admin", "enum",
                            "body", "permissions", String.valueOf(i)));
                }
            }
        }
        if (request.namespaces() == null || request.namespaces().isEmpty()) {
            violations.add(Violation.at("namespaces must list namespace IDs or names, patterns like team_*, or \"*\"",
                    "missing", "body", "namespaces"));
        } else {
            for (int i = 0; i < request.namespaces().size(); i++) {
                if (!NamespaceScope.validEntry(request.namespaces().get(i))) {
                    violations.add(Violation.at("a namespace entry is an ID, a name or a pattern with *",
                            "value_error", "body", "namespaces", String.valueOf(i)));
                }
            }
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            violations.add(Violation.at("expires_at must be in the future", "value_error", "body", "expires_at"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        ApiKeyStore.CreatedKey created = keys.create(request.name(), permissions,
                List.copyOf(new java.util.LinkedHashSet<>(request.namespaces())), request.expiresAt());
        return KeyResponse.of(created.info(), created.secret());
    }

    @GetMapping
    Map<String, Object> list() {
        List<KeyResponse> results = keys.list().stream().map(info -> KeyResponse.of(info, null)).toList();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("results", results);
        response.put("total_count", results.size());
        return response;
    }

    @DeleteMapping("/{keyId}")
    Map<String, Object> revoke(@PathVariable String keyId) {
        if (!keys.revoke(keyId)) {
            throw new LedgerException(LedgerError.of(ErrorKind.NOT_FOUND, "API key '" + keyId + "' not found",
                    Map.of("resource", "api_key", "identifier", keyId)));
        }
        return Map.of("success", true, "key_id", keyId, "message", "API key " + keyId + " revoked");
    }
}
