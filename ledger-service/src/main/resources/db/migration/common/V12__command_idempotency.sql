-- The result of each command sent with an idempotency key, per caller ("key:<api key id>" or
-- "service:<name>"), kept for 24 hours. Written in the command's own transaction, so a row exists
-- exactly when the command's events were committed; the primary key lets one of two sends at once win.

CREATE TABLE command_idempotency (
    caller              VARCHAR(300) NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(128) NOT NULL,
    result_type         VARCHAR(255),
    result_json         TEXT,
    created_at          TIMESTAMP    NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX ix_command_idempotency_created ON command_idempotency (created_at);
