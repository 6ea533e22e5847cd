-- The template list filters and searches a template's tags through view_field_value (path "tags"),
-- like the list values of the other views, so view_template_tag is no longer kept. It is dropped
-- here, after V10, whose statements delete from it.
DROP TABLE IF EXISTS view_template_tag;

-- The read model is rebuilt from the event store once, on the first start after this version, as
-- V10 does: the tags and configuration values of templates written before it go into view_field_value.
DELETE FROM view_field_value;
DELETE FROM view_template;
DELETE FROM view_collection;
DELETE FROM view_bucket;
DELETE FROM view_namespace;
DELETE FROM view_position;
DELETE FROM token_entry WHERE processor_name = 'read-model';
