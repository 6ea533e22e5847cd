package com.collectionledger.service.security;

import com.collectionledger.support.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * API keys, stored as SHA-256 hashes of their secrets (a secret is 40 random characters, so a fast
 * hash is enough) with a short prefix to find the row; compared in constant time. Requests find a key
 * through {@link AccessLookups}, which keeps it for a short while: a revocation here is announced
 * ({@link ApiKeyRevoked}) and takes effect on this node at once.
 */
@Component
public class ApiKeyStore {

    /** A key as listed: everything but the secret. */
    public record KeyInfo(String keyId, String name, List<String> permissions, List<String> namespaces,
                          Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A key just created: the only time its secret is seen. */
    public record CreatedKey(KeyInfo info, String secret) {
    }

    static final String SECRET_PREFIX = "sk_";
    private static final int LOOKUP_PREFIX_LENGTH = 11;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiKeyStore(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The live key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() < LOOKUP_PREFIX_LENGTH
                || secret.length() > 256) {
            return Optional.empty();
        }
        byte[] presented = Sha256.hex(secret).getBytes(StandardCharsets.US_ASCII);
        List<Row> rows = jdbc.query("""
                        SELECT * FROM api_key
                        WHERE key_prefix = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""",
                this::row, secret.substring(0, LOOKUP_PREFIX_LENGTH), Timestamp.from(clock.instant()));
        for (Row row : rows) {
            if (MessageDigest.isEqual(presented, row.hash.getBytes(StandardCharsets.US_ASCII))) {
                Set<Permission> permissions = EnumSet.noneOf(Permission.class);
                row.info.permissions().forEach(p -> Permission.fromWire(p).ifPresent(permissions::add));
                return Optional.of(new ApiKey(row.info.keyId(), row.info.name(), permissions, row.info.namespaces(),
                        row.info.expiresAt()));
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class);
        return count == null || count == 0;
    }

    public boolean exists(String secret) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class,
                Sha256.hex(secret));
        return count != null && count > 0;
    }

    /** Stores an admin key for every namespace with this secret; returns its key ID. */
    public String storeAdminKey(String name, String secret) {
        return store(name, secret, Set.of(Permission.ADMIN), List.of("*"), null).keyId();
    }

    /** A new key with a generated secret. */
    public CreatedKey create(String name, Set<Permission> permissions, List<String> namespaces, Instant expiresAt) {
        String secret = newSecret();
        return new CreatedKey(store(name, secret, permissions, namespaces, expiresAt), secret);
    }

    /** Stores a key with this secret (tests and bootstrap choose their own). */
    public KeyInfo store(String name, String secret, Set<Permission> permissions, List<String> namespaces,
                         Instant expiresAt) {
        String keyId = "key_" + random(16).toLowerCase();
        Instant now = clock.instant();
        jdbc.update("""
                        INSERT INTO api_key (key_id, key_name, key_prefix, key_hash, permissions, namespaces,
                                             created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                keyId, name, secret.substring(0, LOOKUP_PREFIX_LENGTH), Sha256.hex(secret), wire(permissions),
                String.join(",", namespaces), Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt));
        return info(keyId).orElseThrow();
    }

    public List<KeyInfo> list() {
        return jdbc.query("SELECT * FROM api_key ORDER BY created_at, key_id", (rs, i) -> row(rs, i).info);
    }

    public Optional<KeyInfo> info(String keyId) {
        return jdbc.query("SELECT * FROM api_key WHERE key_id = ?", (rs, i) -> row(rs, i).info, keyId)
                .stream().findFirst();
    }

    /** Revokes a key; false when there is no such key. Revoking twice is harmless. */
    public boolean revoke(String keyId) {
        jdbc.update("UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), keyId);
        events.publishEvent(new ApiKeyRevoked(keyId));
        return info(keyId).isPresent();
    }

    public static String newSecret() {
        return SECRET_PREFIX + random(40);
    }

    static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(SECRET_PREFIX) && secret.length() >= SECRET_PREFIX.length() + 32
                && secret.length() <= 256 && secret.chars().allMatch(c -> c > 32 && c < 127);
    }

    private record Row(KeyInfo info, String hash) {
    }

    private Row row(ResultSet rs, int index) throws SQLException {
        return new Row(new KeyInfo(rs.getString("key_id"), rs.getString("key_name"),
                List.of(rs.getString("permissions").split(",")),
                Arrays.stream(rs.getString("namespaces").split(",")).filter(s -> !s.isEmpty()).toList(),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at"))), rs.getString("key_hash"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String wire(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(","));
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
