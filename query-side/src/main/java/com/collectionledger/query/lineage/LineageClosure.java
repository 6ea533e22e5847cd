package com.collectionledger.query.lineage;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.query.support.DeferredInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code view_lineage}: each clone's ancestors up to {@link CollectionCloned#ANCESTRY_DEPTH} away, one row
 * per (ancestor, distance, clone). The rows come from the clone's own event, which its source wrote, so
 * they are exact whatever order the processor's segments project collections in, and two clones never
 * write the same row.
 */
@Component
public class LineageClosure {

    private static final String INSERT = "INSERT INTO view_lineage (ancestor_id, distance, descendant_id) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final DeferredInserts deferred;

    LineageClosure(JdbcTemplate jdbc, DeferredInserts deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /**
     * Records the clone's ancestors; {@code fresh} when the read model holds nothing of the clone yet (no rows to
     * replace), else they replace its rows (the event projected again). A fresh clone's rows, from its event, are
     * held with the unit of work's other new rows ({@link DeferredInserts}).
     */
    public void record(CollectionCloned cloned, boolean fresh) {
        if (fresh && cloned.ancestry() != null) {
            deferred.insert(INSERT, rows(cloned.ancestry(), cloned.collectionId()));
            return;
        }
        deferred.flush(); // what follows reads or replaces rows
        if (!fresh) {
            jdbc.update("DELETE FROM view_lineage WHERE descendant_id = ?", cloned.collectionId());
        }
        List<String> ancestry = cloned.ancestry() != null ? cloned.ancestry() : ancestryFromViews(cloned);
        jdbc.batchUpdate(INSERT, rows(ancestry, cloned.collectionId()));
        if (cloned.ancestry() == null) {
            linkProjectedDescendants(cloned.collectionId());
        }
    }

    private static List<Object[]> rows(List<String> ancestry, String descendantId) {
        List<Object[]> rows = new ArrayList<>(ancestry.size());
        for (int i = 0; i < ancestry.size(); i++) {
            rows.add(new Object[]{ancestry.get(i), i + 1, descendantId});
        }
        return rows;
    }

    /**
     * A clone whose event did not record its ancestry (written by an earlier version) takes its source's rows,
     * and lends its own to the clones of it projected before it ({@link #linkProjectedDescendants}). Projected
     * one at a time, in any order, that gives the exact closure; projected at the same moment by two segments,
     * a clone and its source may each miss the other's rows. So for such events only the closure may miss
     * ancestors, and a lineage walk that finds a chain short of the generation walks the clone links instead.
     */
    private List<String> ancestryFromViews(CollectionCloned cloned) {
        List<String> ancestry = new ArrayList<>();
        ancestry.add(cloned.sourceCollectionId());
        ancestry.addAll(jdbc.queryForList("SELECT ancestor_id FROM view_lineage"
                        + " WHERE descendant_id = ? AND distance < ? ORDER BY distance", String.class,
                cloned.sourceCollectionId(), CollectionCloned.ANCESTRY_DEPTH));
        return ancestry;
    }

    /** Gives the clones below {@code collectionId} that are already projected its ancestors, within the bound. */
    private void linkProjectedDescendants(String collectionId) {
        jdbc.update("""
                INSERT INTO view_lineage (ancestor_id, distance, descendant_id)
                SELECT up.ancestor_id, up.distance + down.distance, down.descendant_id
                FROM view_lineage up JOIN view_lineage down ON down.ancestor_id = up.descendant_id
                WHERE up.descendant_id = ? AND up.distance + down.distance <= ?
                  AND NOT EXISTS (SELECT 1 FROM view_lineage known WHERE known.ancestor_id = up.ancestor_id
                                  AND known.distance = up.distance + down.distance
                                  AND known.descendant_id = down.descendant_id)""",
                collectionId, CollectionCloned.ANCESTRY_DEPTH);
    }

    public void clear() {
        jdbc.update("DELETE FROM view_lineage");
    }
}
