-- API keys: only a SHA-256 hash of the secret is stored, with a short prefix to find the row.

CREATE TABLE api_key (
    key_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    key_name    VARCHAR(100) NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    permissions VARCHAR(255) NOT NULL,
    namespaces  TEXT         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP,
    revoked_at  TIMESTAMP
);
CREATE INDEX ix_api_key_prefix ON api_key (key_prefix);
