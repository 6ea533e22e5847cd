-- Collection templates, kept by the read model's processor like the other views. Names, categories
-- and tags may hold any characters but control characters: H2 counts VARCHAR lengths in UTF-16
-- units, so each column has room for twice the rule's limit in code points.

CREATE TABLE view_template (
    template_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    namespace_id       VARCHAR(32)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    description        TEXT         NOT NULL,
    category           VARCHAR(100),
    scope              VARCHAR(32)  NOT NULL,
    source_resource_id VARCHAR(32)  NOT NULL,
    created_at         TIMESTAMP    NOT NULL,
    updated_at         TIMESTAMP    NOT NULL,
    document           TEXT         NOT NULL
);
CREATE INDEX ix_view_template_created ON view_template (namespace_id, created_at);

-- One row per tag of a template, for the list's tag filters.
CREATE TABLE view_template_tag (
    template_id VARCHAR(32)  NOT NULL,
    tag         VARCHAR(200) NOT NULL,
    PRIMARY KEY (template_id, tag)
);
