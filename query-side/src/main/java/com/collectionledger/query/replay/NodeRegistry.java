package com.collectionledger.query.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The nodes running the read-model processor on this database, each with the time it last said it was alive. */
final class NodeRegistry {

    private final JdbcTemplate jdbc;

    NodeRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void heartbeat(String nodeId, Instant now) {
        // Only this node writes its row, so no other node races the insert.
        if (jdbc.update("UPDATE read_model_node SET heartbeat_at = ? WHERE node_id = ?", at(now), nodeId) == 0) {
            jdbc.update("INSERT INTO read_model_node (node_id, heartbeat_at) VALUES (?, ?)", nodeId, at(now));
        }
    }

    void leave(String nodeId) {
        jdbc.update("DELETE FROM read_model_node WHERE node_id = ?", nodeId);
    }

    /** The nodes whose heartbeat is younger than {@code timeout}. */
    List<String> live(Instant now, Duration timeout) {
        return jdbc.queryForList("SELECT node_id FROM read_model_node WHERE heartbeat_at >= ? ORDER BY node_id",
                String.class, at(now.minus(timeout)));
    }

    /** Forgets the nodes whose heartbeat is older than {@code timeout} (each restart is a new node). */
    void forgetDead(Instant now, Duration timeout) {
        jdbc.update("DELETE FROM read_model_node WHERE heartbeat_at < ?", at(now.minus(timeout)));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
