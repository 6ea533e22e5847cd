package com.collectionledger.query.replay;

import com.collectionledger.query.config.QuerySideSettings;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.stereotype.Component;

/**
 * How many read-model segments this node may claim: its fair share among the live nodes, {@code
 * ceil(segments / nodes)}, and never more than the configured cap. The processor's coordinator asks before it
 * claims, and releases what it holds beyond the share (a node that joins makes the others' shares smaller);
 * {@link ReadModelCoordination} counts the live nodes.
 */
@Component
public class SegmentShare implements MaxSegmentProvider {

    private final int cap;
    private volatile int share;

    SegmentShare(QuerySideSettings settings) {
        this.cap = settings.readModelMaxClaimedSegments() > 0 ? settings.readModelMaxClaimedSegments()
                : Integer.MAX_VALUE;
        this.share = settings.readModelSegments();
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        return Math.max(1, Math.min(cap, share));
    }

    /** The share of {@code segments} (as many as there are tokens) among {@code liveNodes}. */
    void shareAmong(int segments, int liveNodes) {
        int nodes = Math.max(1, liveNodes);
        share = (segments + nodes - 1) / nodes;
    }
}
