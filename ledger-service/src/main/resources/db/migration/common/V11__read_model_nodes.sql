-- The nodes that run the read-model processor on this database, and the replays asked of them.
-- A node's heartbeat tells the others it is alive: the segments are shared among the live nodes.
CREATE TABLE read_model_node (
    node_id      VARCHAR(255)             NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per replay asked for: requested, then reset (by the one node that reset the tokens) or
-- abandoned (when the segments were not all released before the deadline).
CREATE TABLE read_model_replay (
    generation   BIGINT                   NOT NULL PRIMARY KEY,
    state        VARCHAR(16)              NOT NULL,
    requested_by VARCHAR(255)             NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_by   VARCHAR(255),
    settled_at   TIMESTAMP WITH TIME ZONE
);
