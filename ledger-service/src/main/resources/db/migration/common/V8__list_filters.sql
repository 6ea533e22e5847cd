-- The filters, search and sort of the list routes (POST /v1/collections|buckets|namespaces/list).

-- The values of the views' list and nested fields, one row per value: source.bucket_ids,
-- taxonomy_applications.taxonomy_id, a namespace's feature_extractors.feature_extractor_id,
-- metadata.<key>, ... (see ListFields). The projections keep them in the transaction of the view's
-- row. A filter on such a field is an EXISTS over (owner_id, path); "which collections use bucket X"
-- is one range of (path, text_key). text_key is the value lower-cased and cut to 200 characters, so
-- that the index takes values of any length; the full value decides.
CREATE TABLE view_field_value (
    owner_type    VARCHAR(16)  NOT NULL,
    owner_id      VARCHAR(32)  NOT NULL,
    path          VARCHAR(200) NOT NULL,
    text_value    TEXT,
    text_lower    TEXT,
    text_key      VARCHAR(200),
    number_value  DOUBLE PRECISION,
    boolean_value BOOLEAN
);
CREATE INDEX ix_view_field_value_owner ON view_field_value (owner_id, path);
CREATE INDEX ix_view_field_value_lookup ON view_field_value (path, text_key, owner_id);

-- "Which collections use text_extractor_v1", in a namespace or in all.
CREATE INDEX ix_view_collection_extractor ON view_collection (feature_extractor_id, namespace_id);

-- Namespaces and buckets are filtered, searched and sorted on these too.
ALTER TABLE view_namespace ADD COLUMN description TEXT;
ALTER TABLE view_namespace ADD COLUMN created_at TIMESTAMP;
ALTER TABLE view_namespace ADD COLUMN updated_at TIMESTAMP;
ALTER TABLE view_bucket ADD COLUMN description TEXT;
ALTER TABLE view_bucket ADD COLUMN created_at TIMESTAMP;
ALTER TABLE view_bucket ADD COLUMN updated_at TIMESTAMP;

-- V9__rebuild_read_model fills these for what was written before this version.
