package com.collectionledger.query.replay;

import com.collectionledger.query.ReadModel;
import com.collectionledger.support.Sha256;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Rebuilds the read model from the event store while the service runs, reports how far it got,
 * and digests the read model so an operator can prove a rebuild equals what was there before.
 */
@Component
public class ReadModelReplay {

    /** Where a replay stands: state is {@code live}, {@code replaying} or {@code stopped}. */
    public record Status(String state, long position, long head, double percent, int segments) {
    }

    /** A digest of the whole read model, and how many rows of each view it covers. */
    public record Digest(String checksum, Map<String, Long> rows) {
    }

    private static final List<String> VIEWS = List.of(
            "SELECT namespace_id, document FROM view_namespace ORDER BY namespace_id",
            "SELECT bucket_id, document FROM view_bucket ORDER BY bucket_id",
            "SELECT collection_id, version, deleted, document FROM view_collection ORDER BY collection_id",
            "SELECT template_id, document FROM view_template ORDER BY template_id",
            "SELECT aggregate_id, version FROM view_position ORDER BY aggregate_id",
            "SELECT owner_id, path, text_value, number_value, boolean_value FROM view_field_value"
                    + " ORDER BY owner_id, path, text_value, number_value, boolean_value");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;

    ReadModelReplay(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                    JdbcTemplate jdbc) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
    }

    /**
     * Stops the processor, resets its tokens (the projections' reset handlers empty the views) and
     * starts it again from the first event. Writes go on meanwhile; their events are replayed too.
     */
    public synchronized Status start() {
        PooledStreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status();
    }

    public Status status() {
        PooledStreamingEventProcessor processor = processor();
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long head = eventStore.createHeadToken() == null ? 0
                : eventStore.createHeadToken().position().orElse(0);
        long position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
        // Until every segment is claimed again, the unclaimed ones have not replayed anything.
        boolean allClaimed = segments.size() >= tokenStore.fetchSegments(processor.getName()).length;
        boolean replaying = !allClaimed || segments.stream().anyMatch(ReadModelReplay::stillReplaying);
        String state = !processor.isRunning() ? "stopped" : replaying ? "replaying" : "live";
        double percent = head == 0 ? 100.0 : Math.min(100.0, Math.floor(1000.0 * position / head) / 10.0);
        return new Status(state, position, head, replaying ? percent : 100.0, segments.size());
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

    /**
     * Axon keeps a token "replaying" until it passes the reset position, i.e. until the next new
     * event; a segment that has reached the position it was reset at has replayed everything.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong current = segment.getCurrentPosition();
        OptionalLong reset = segment.getResetPosition();
        return current.isEmpty() || reset.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private PooledStreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModel.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no read-model processor"));
    }
}
