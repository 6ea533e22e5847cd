-- Lineage walks (GET /v1/collections/{id}/lineage) follow clone links with recursive CTEs.
-- Down the tree, each step finds the clones of a collection: (cloned_from, collection_id) answers
-- that from the index alone, in ID order, and also serves the list filter on cloned_from, so it
-- replaces the single-column index. Up the chain, each step reads a collection's source:
-- (collection_id, cloned_from) answers that without reading the row and its document.
CREATE INDEX ix_view_collection_children ON view_collection (cloned_from, collection_id);
DROP INDEX ix_view_collection_cloned_from;
CREATE INDEX ix_view_collection_parent ON view_collection (collection_id, cloned_from);
