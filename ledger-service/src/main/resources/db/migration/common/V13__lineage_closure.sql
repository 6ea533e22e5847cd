-- Lineage in time independent of the tree's size (GET /v1/collections/{id}/lineage).
-- view_lineage holds, for every clone, each of its ancestors up to distance 101 (the default depth
-- of a walk, 100, plus one to tell whether the tree goes deeper), as its CollectionCloned event
-- recorded them. A page of descendants is a range of (ancestor_id, distance, descendant_id) from the
-- cursor on; the ancestors of a collection are a range of (descendant_id, distance).
CREATE TABLE view_lineage (
    ancestor_id   VARCHAR(32) NOT NULL,
    distance      INTEGER     NOT NULL,
    descendant_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (ancestor_id, distance, descendant_id)
);
CREATE INDEX ix_view_lineage_ancestors ON view_lineage (descendant_id, distance, ancestor_id);

-- Which version of its source a clone copied, and when: a lineage entry shows them without reading
-- the clone's document.
ALTER TABLE view_collection ADD COLUMN cloned_from_version BIGINT;
ALTER TABLE view_collection ADD COLUMN cloned_at TIMESTAMP;

-- The read model is rebuilt once from the event store to fill both, as V10 does.
DELETE FROM view_field_value;
DELETE FROM view_template;
DELETE FROM view_collection;
DELETE FROM view_bucket;
DELETE FROM view_namespace;
DELETE FROM view_position;
DELETE FROM token_entry WHERE processor_name = 'read-model';
