package com.collectionledger.query.replay;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static com.collectionledger.query.replay.NodeRegistry.at;

/**
 * The replays asked of the nodes, one row each. A request is {@code requested} until one node settles it with a
 * conditional update: {@code reset} by the node that reset the tokens, or {@code abandoned}. At most one request
 * is pending: a second one asked for meanwhile joins it.
 */
final class ReplayRequests {

    static final String REQUESTED = "requested";
    static final String RESET = "reset";
    static final String ABANDONED = "abandoned";

    private static final String COLUMNS = "generation, state, requested_by, requested_at, settled_by, settled_at";
    private static final RowMapper<ReadModelReplay.Request> ROW = (rs, row) -> new ReadModelReplay.Request(
            rs.getLong("generation"), rs.getString("state"), rs.getString("requested_by"),
            instant(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("settled_by"),
            instant(rs.getObject("settled_at", OffsetDateTime.class)));

    private final JdbcTemplate jdbc;

    ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The pending request: a new one by {@code nodeId}, or the one already pending. */
    ReadModelReplay.Request request(String nodeId, Instant now) {
        for (int attempt = 0; ; attempt++) {
            Optional<ReadModelReplay.Request> pending = pending();
            if (pending.isPresent()) {
                return pending.get();
            }
            try {
                jdbc.update("INSERT INTO read_model_replay (generation, state, requested_by, requested_at)"
                        + " SELECT next, ?, ?, ? FROM (SELECT COALESCE(MAX(generation), 0) + 1 AS next"
                        + " FROM read_model_replay) n"
                        + " WHERE NOT EXISTS (SELECT 1 FROM read_model_replay WHERE state = ?)",
                        REQUESTED, nodeId, at(now), REQUESTED);
            } catch (DuplicateKeyException concurrent) {
                // Another node asked at the same moment: its request is the one to join (read again).
                if (attempt >= 3) {
                    throw concurrent;
                }
            }
        }
    }

    Optional<ReadModelReplay.Request> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_replay WHERE state = ? ORDER BY generation DESC",
                ROW, REQUESTED).stream().findFirst();
    }

    Optional<ReadModelReplay.Request> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_replay ORDER BY generation DESC", ROW)
                .stream().findFirst();
    }

    /** Settles a pending request as {@code state}; false when another node settled it first. */
    boolean settle(long generation, String state, String nodeId, Instant now) {
        return jdbc.update("UPDATE read_model_replay SET state = ?, settled_by = ?, settled_at = ?"
                + " WHERE generation = ? AND state = ?", state, nodeId, at(now), generation, REQUESTED) == 1;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
