-- CollectionCreated and CollectionCloned revision 2 record source_lineage as processing tiers. The
-- read model's documents hold the old shape: empty it and drop the read-model processor's tokens, so
-- that the processor rebuilds every view from the event store (through the upcasters) when it starts.
DELETE FROM view_position;
DELETE FROM view_namespace;
DELETE FROM view_bucket;
DELETE FROM view_collection;
DELETE FROM token_entry WHERE processor_name = 'read-model';
