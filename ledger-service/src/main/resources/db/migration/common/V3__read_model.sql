-- The read model, kept by the pooled processor "read-model" (its tokens are in token_entry).

CREATE TABLE view_position (
    aggregate_id VARCHAR(32) NOT NULL PRIMARY KEY,
    version      BIGINT      NOT NULL
);

CREATE TABLE view_namespace (
    namespace_id   VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_name VARCHAR(100) NOT NULL,
    document       TEXT         NOT NULL
);
CREATE INDEX ix_view_namespace_name ON view_namespace (namespace_name);

CREATE TABLE view_bucket (
    bucket_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_id VARCHAR(32)  NOT NULL,
    bucket_name  VARCHAR(100) NOT NULL,
    document     TEXT         NOT NULL
);
CREATE INDEX ix_view_bucket_name ON view_bucket (namespace_id, bucket_name);

CREATE TABLE view_collection (
    collection_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_id         VARCHAR(32)  NOT NULL,
    collection_name      VARCHAR(100) NOT NULL,
    description          TEXT,
    enabled              BOOLEAN      NOT NULL,
    source_type          VARCHAR(32)  NOT NULL,
    feature_extractor_id VARCHAR(255) NOT NULL,
    cloned_from          VARCHAR(32),
    root_collection_id   VARCHAR(32)  NOT NULL,
    generation           INTEGER      NOT NULL,
    version              BIGINT       NOT NULL,
    deleted              BOOLEAN      NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    document             TEXT         NOT NULL
);
CREATE INDEX ix_view_collection_name ON view_collection (namespace_id, collection_name);
CREATE INDEX ix_view_collection_created ON view_collection (namespace_id, created_at);
CREATE INDEX ix_view_collection_cloned_from ON view_collection (cloned_from);
CREATE INDEX ix_view_collection_root ON view_collection (root_collection_id);
