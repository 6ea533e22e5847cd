-- Responses to requests sent with an Idempotency-Key, per API key, kept for 24 hours.
-- status is NULL while the first request is still running.

CREATE TABLE idempotency_record (
    api_key_id      VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);
