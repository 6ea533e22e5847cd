-- The read model is rebuilt from the event store once, on the first start after this version:
-- - list values (view_field_value) and the namespace/bucket columns of V8 are filled for what was
--   written before them;
-- - CollectionCreated and CollectionCloned revision 2 record source_lineage as processing tiers, and
--   the views hold the old shape.
-- Emptying every view and dropping the read-model processor's tokens makes the processor replay
-- every event (through the upcasters) when it starts, as POST /v1/admin/read-model/replay would.
DELETE FROM view_field_value;
DELETE FROM view_template_tag;
DELETE FROM view_template;
DELETE FROM view_collection;
DELETE FROM view_bucket;
DELETE FROM view_namespace;
DELETE FROM view_position;
DELETE FROM token_entry WHERE processor_name = 'read-model';
