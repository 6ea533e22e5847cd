package com.collectionledger.service.rest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers, per API key and Idempotency-Key, which request was sent and what it was answered.
 * The primary key makes exactly one of several identical concurrent requests the one that runs.
 */
@Component
class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);

    record Record(String requestHash, Integer status, String body) {

        boolean finished() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for this request; false when another request holds it (or held it within 24 h). */
    boolean claim(String apiKeyId, String key, String requestHash) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM idempotency_record WHERE api_key_id = ? AND idempotency_key = ? AND created_at < ?",
                apiKeyId, key, Timestamp.from(clock.instant().minus(RETENTION)));
        try {
            jdbc.update("INSERT INTO idempotency_record (api_key_id, idempotency_key, request_hash, created_at) "
                    + "VALUES (?, ?, ?, ?)", apiKeyId, key, requestHash, now);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Record> find(String apiKeyId, String key) {
        return jdbc.query("SELECT request_hash, status, response_body FROM idempotency_record "
                        + "WHERE api_key_id = ? AND idempotency_key = ?",
                (rs, i) -> new Record(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)), apiKeyId, key)
                .stream().findFirst();
    }

    void complete(String apiKeyId, String key, int status, String body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, response_body = ? "
                + "WHERE api_key_id = ? AND idempotency_key = ?", status, body, apiKeyId, key);
    }

    /** Forgets a claim whose request failed, so that a retry runs again. */
    void release(String apiKeyId, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE api_key_id = ? AND idempotency_key = ?", apiKeyId, key);
    }
}
