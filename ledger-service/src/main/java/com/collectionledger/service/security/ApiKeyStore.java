package com.collectionledger.service.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys, stored as SHA-256 hashes of their secrets (a secret is 40 random characters, so a fast
 * hash is enough) with a short prefix to find the row; compared in constant time.
 */
@Component
public class ApiKeyStore {

    static final String SECRET_PREFIX = "sk_";
    private static final int LOOKUP_PREFIX_LENGTH = 11;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The live key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() < LOOKUP_PREFIX_LENGTH
                || secret.length() > 256) {
            return Optional.empty();
        }
        byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
        Timestamp now = Timestamp.from(clock.instant());
        List<KeyRow> rows = jdbc.query("""
                        SELECT key_id, key_name, key_hash, permissions, namespaces FROM api_key
                        WHERE key_prefix = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""",
                (rs, i) -> new KeyRow(rs.getString("key_id"), rs.getString("key_name"), rs.getString("key_hash"),
                        rs.getString("permissions"), rs.getString("namespaces")),
                secret.substring(0, LOOKUP_PREFIX_LENGTH), now);
        for (KeyRow row : rows) {
            if (MessageDigest.isEqual(presented, row.hash.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new ApiKey(row.keyId, row.name, Set.of(row.permissions.split(",")),
                        Set.of(row.namespaces.split(","))));
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class);
        return count == null || count == 0;
    }

    public boolean exists(String secret) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class, hash(secret));
        return count != null && count > 0;
    }

    /** Stores an admin key for every namespace with this secret; returns its key ID. */
    public String storeAdminKey(String name, String secret) {
        return store(name, secret, Set.of("admin", "read", "write", "delete"), Set.of("*"));
    }

    /** Stores a key limited to these permissions and namespaces (IDs or names, or "*"); returns its key ID. */
    public String store(String name, String secret, Set<String> permissions, Set<String> namespaces) {
        String keyId = "key_" + random(16).toLowerCase();
        jdbc.update("""
                        INSERT INTO api_key (key_id, key_name, key_prefix, key_hash, permissions, namespaces, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                keyId, name, secret.substring(0, LOOKUP_PREFIX_LENGTH), hash(secret),
                String.join(",", new java.util.TreeSet<>(permissions)), String.join(",", new java.util.TreeSet<>(namespaces)),
                Timestamp.from(clock.instant()));
        return keyId;
    }

    public static String newSecret() {
        return SECRET_PREFIX + random(40);
    }

    static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(SECRET_PREFIX) && secret.length() >= SECRET_PREFIX.length() + 32
                && secret.length() <= 256 && secret.chars().allMatch(c -> c > 32 && c < 127);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record KeyRow(String keyId, String name, String hash, String permissions, String namespaces) {
    }
}
