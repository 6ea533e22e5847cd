package com.collectionledger.query.replay;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The processor's segments as the shared token store holds them: every node's claims and committed tokens.
 * Read with plain queries: the token store's own fetch claims what it reads.
 */
final class SegmentClaims {

    /** A segment's token and who claims it since when (the claim lapses after the claim timeout). */
    record Segment(int id, TrackingToken token, String owner, Instant claimedAt) {

        boolean claimed(Instant now, Duration claimTimeout) {
            return owner != null && claimedAt != null && claimedAt.plus(claimTimeout).isAfter(now);
        }

        OptionalLong position() {
            return token == null ? OptionalLong.empty() : token.position();
        }

        /**
         * Axon keeps a token "replaying" until it passes the reset position, i.e. until the next new event; a
         * segment that has reached the position it was reset at has replayed everything.
         */
        boolean replaying() {
            if (!(token instanceof ReplayToken replay)) {
                return false;
            }
            OptionalLong current = replay.position();
            OptionalLong reset = replay.getTokenAtReset() == null ? OptionalLong.empty()
                    : replay.getTokenAtReset().position();
            return current.isEmpty() || reset.isEmpty() || current.getAsLong() < reset.getAsLong();
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String processorName;
    private final String query;
    private final String count;

    SegmentClaims(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer, String processorName) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processorName = processorName;
        this.query = "SELECT " + String.join(", ", schema.segmentColumn(), schema.tokenColumn(),
                schema.tokenTypeColumn(), schema.timestampColumn(), schema.ownerColumn())
                + " FROM " + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?"
                + " ORDER BY " + schema.segmentColumn();
        this.count = "SELECT COUNT(*) FROM " + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?";
    }

    /** How many segments the processor has, without reading their tokens. */
    int count() {
        Integer segments = jdbc.queryForObject(count, Integer.class, processorName);
        return segments == null ? 0 : segments;
    }

    List<Segment> read() {
        return jdbc.query(query, (rs, row) -> {
            GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(rs.getBytes(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), processorName, rs.getInt(1), byte[].class);
            return new Segment(rs.getInt(1), entry.getToken(serializer), entry.getOwner(),
                    rs.getString(4) == null ? null : entry.timestamp());
        }, processorName);
    }

    /** Whether no segment is claimed (a lapsed claim counts as released), so that one node may reset them all. */
    static boolean allReleased(List<Segment> segments, Instant now, Duration claimTimeout) {
        return segments.stream().noneMatch(segment -> segment.claimed(now, claimTimeout));
    }
}
