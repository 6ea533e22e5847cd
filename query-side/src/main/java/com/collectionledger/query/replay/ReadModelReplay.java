package com.collectionledger.query.replay;

import com.collectionledger.support.Sha256;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Rebuilds the read model from the event store while the service runs, reports how far it got on every node
 * that shares it, and digests the read model so an operator can prove a rebuild equals what was there before.
 */
@Component
public class ReadModelReplay {

    /**
     * Where the read model stands on all nodes, read from the shared token store: state is {@code live},
     * {@code replaying} (a replay is pending or under way, or some segment is unclaimed) or {@code stopped} (no
     * segment claimed and this node's processor stopped); position is the lowest segment's committed position;
     * segments counts the claimed ones, and nodes says which node claims how many.
     */
    public record Status(String state, long position, long head, double percent, int segments, List<Node> nodes,
                         Request replay) {
    }

    /** A live node (or an owner of claims) and how many segments it claims. */
    public record Node(String node, int segments) {
    }

    /**
     * The latest replay asked for: its state is {@code requested} until a node has reset the tokens
     * ({@code reset}) or given up at the deadline ({@code abandoned}).
     */
    public record Request(long generation, String state, String requestedBy, Instant requestedAt, String settledBy,
                          Instant settledAt) {
    }

    /** A digest of the whole read model, and how many rows of each view it covers. */
    public record Digest(String checksum, Map<String, Long> rows) {
    }

    private static final List<String> VIEWS = List.of(
            "SELECT namespace_id, document FROM view_namespace ORDER BY namespace_id",
            "SELECT bucket_id, document FROM view_bucket ORDER BY bucket_id",
            "SELECT collection_id, version, deleted, cloned_from_version, cloned_at, document FROM view_collection"
                    + " ORDER BY collection_id",
            "SELECT ancestor_id, distance, descendant_id FROM view_lineage"
                    + " ORDER BY ancestor_id, distance, descendant_id",
            "SELECT template_id, document FROM view_template ORDER BY template_id",
            "SELECT aggregate_id, version FROM view_position ORDER BY aggregate_id",
            "SELECT owner_id, path, text_value, number_value, boolean_value FROM view_field_value"
                    + " ORDER BY owner_id, path, text_value, number_value, boolean_value");

    private final ReadModelCoordination coordination;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    ReadModelReplay(ReadModelCoordination coordination, EventStore eventStore, JdbcTemplate jdbc) {
        this.coordination = coordination;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /**
     * Asks every node sharing the read model to replay it (or joins the replay already asked for): each stops its
     * processor, one resets the tokens (the projections' reset handlers empty the views), and each starts again
     * from the first event. Writes go on meanwhile; their events are replayed too. A node alone has reset its
     * tokens when this returns; with several, the others do their part within a fifth of the claim timeout.
     */
    public Status start() {
        coordination.requestReplay();
        return status();
    }

    public Status status() {
        Instant now = coordination.now();
        List<SegmentClaims.Segment> segments = coordination.segments();
        Optional<Request> latest = coordination.latestReplay();
        boolean pending = latest.filter(request -> ReplayRequests.REQUESTED.equals(request.state())).isPresent();
        List<SegmentClaims.Segment> claimed = segments.stream()
                .filter(segment -> segment.claimed(now, coordination.claimTimeout())).toList();
        Map<String, Integer> byNode = new TreeMap<>();
        coordination.liveNodes().forEach(node -> byNode.put(node, 0));
        claimed.forEach(segment -> byNode.merge(segment.owner(), 1, Integer::sum));

        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        long position = segments.stream().map(SegmentClaims.Segment::position)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
        // An unclaimed segment has not replayed anything since it was released.
        boolean replaying = pending || claimed.size() < segments.size()
                || segments.stream().anyMatch(SegmentClaims.Segment::replaying);
        String state = claimed.isEmpty() && !segments.isEmpty() && !pending && !coordination.processorRunning()
                ? "stopped" : replaying ? "replaying" : "live";
        double percent = pending ? 0.0 : !replaying || head == 0 ? 100.0
                : Math.min(100.0, Math.floor(1000.0 * position / head) / 10.0);
        List<Node> nodes = byNode.entrySet().stream().map(node -> new Node(node.getKey(), node.getValue())).toList();
        return new Status(state, position, head, percent, claimed.size(), nodes, latest.orElse(null));
    }

    /** SHA-256 over every row of every view, in key order. Equal read models give equal digests. */
    public Digest digest() {
        Sha256 sha = new Sha256();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String view : VIEWS) {
            long[] count = {0};
            jdbc.query(view, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    sha.add(String.valueOf(rs.getObject(i)));
                    sha.add((byte) 0x1f);
                }
                sha.add((byte) 0x1e);
                count[0]++;
            });
            rows.put(view.split(" FROM ")[1].split(" ")[0], count[0]);
        }
        return new Digest(sha.hex(), rows);
    }
}
