-- Namespaces and buckets can change and be deleted (PATCH, PUT, DELETE).

-- Which buckets each live or deleted collection reads (its source.bucket_ids): a bucket's deletion and
-- schema changes find its readers here. Kept by DirectoryProjection from now on.
CREATE TABLE dir_collection_bucket (
    collection_id VARCHAR(32) NOT NULL,
    bucket_id     VARCHAR(32) NOT NULL,
    PRIMARY KEY (collection_id, bucket_id)
);
CREATE INDEX ix_dir_collection_bucket ON dir_collection_bucket (bucket_id);

-- Filled for the collections that exist. A bucket-sourced collection's lineage is its one bucket step,
-- as DirectoryJson writes it: [{"sourceType":"bucket","sourceIds":["bkt_...", ...]}] before revision 2,
-- [{"sourceConfig":{"type":"bucket","bucketIds":["bkt_...", ...]}, ...}] since; a collection-sourced one
-- has a "collection" step.
INSERT INTO dir_collection_bucket (collection_id, bucket_id)
SELECT c.collection_id, b.bucket_id
FROM dir_collection c JOIN dir_bucket b ON b.namespace_id = c.namespace_id
WHERE c.source_lineage NOT LIKE '%"sourceType":"collection"%'
  AND c.source_lineage NOT LIKE '%"type":"collection"%'
  AND c.source_lineage LIKE '%"' || REPLACE(b.bucket_id, '_', '\_') || '"%' ESCAPE '\';

-- A namespace's live collections: found for its deletion and when its extractors change.
CREATE INDEX ix_dir_collection_namespace ON dir_collection (namespace_id, feature_extractor_id);
