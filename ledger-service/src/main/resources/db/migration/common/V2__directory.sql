-- The command side's directory: written in the appending transaction, read by command handlers.

CREATE TABLE dir_namespace (
    namespace_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_name     VARCHAR(100) NOT NULL UNIQUE,
    feature_extractors TEXT         NOT NULL
);

CREATE TABLE dir_bucket (
    bucket_id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_id  VARCHAR(32)  NOT NULL,
    bucket_name   VARCHAR(100) NOT NULL,
    bucket_schema TEXT         NOT NULL,
    CONSTRAINT uk_dir_bucket_name UNIQUE (namespace_id, bucket_name)
);

CREATE TABLE dir_collection (
    collection_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_id         VARCHAR(32)  NOT NULL,
    collection_name      VARCHAR(100) NOT NULL,
    output_schema        TEXT         NOT NULL,
    feature_extractor_id VARCHAR(255) NOT NULL,
    source_lineage       TEXT         NOT NULL,
    deleted              BOOLEAN      NOT NULL
);

-- Names of LIVE collections only; the primary key is what keeps them unique under concurrency.
CREATE TABLE dir_collection_name (
    namespace_id    VARCHAR(32)  NOT NULL,
    collection_name VARCHAR(100) NOT NULL,
    collection_id   VARCHAR(32)  NOT NULL UNIQUE,
    PRIMARY KEY (namespace_id, collection_name)
);

CREATE TABLE dir_collection_source (
    collection_id        VARCHAR(32) NOT NULL,
    source_collection_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (collection_id, source_collection_id)
);
CREATE INDEX ix_dir_collection_source ON dir_collection_source (source_collection_id);
