-- Every collection list (POST /v1/collections/list) counts the namespace's live collections that meet
-- its filters, for total_count. Without this index the count reads every row of the namespace from the
-- table, documents and all. With it, the count reads the index alone: the live collections of a
-- namespace in ID order, which merge with a filter's values in view_field_value (in owner order within
-- one path and value), and with their extractor, which answers the extractor filter in the same scan.
CREATE INDEX ix_view_collection_live ON view_collection (namespace_id, deleted, collection_id, feature_extractor_id);
