package com.collectionledger.query.position;

import com.collectionledger.api.query.ViewVersionQuery;
import com.collectionledger.api.query.ViewsShownQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far the read model has got with each aggregate. Projections call {@link #advance} in the
 * transaction of their update; subscribers of {@link ViewVersionQuery} hear of it after commit.
 */
@Component
public class ViewPositions {

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;

    ViewPositions(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    public void advance(String aggregateId, long version) {
        int updated = jdbc.update("UPDATE view_position SET version = ? WHERE aggregate_id = ? AND version < ?",
                version, aggregateId, version);
        if (updated == 0) {
            insertIfAbsent(aggregateId, version);
        }
        emit(aggregateId, version);
    }

    /**
     * Records the aggregate's first projected event, {@code version}: true if the read model had no position for
     * it (then it holds nothing of the aggregate yet: a projection writes its rows and their position in one
     * transaction, and a reset clears both), false if it had one, which is left as it was. Either way the
     * subscribers hear of {@code version}, as after {@link #advance}.
     */
    public boolean first(String aggregateId, long version) {
        boolean inserted = insertIfAbsent(aggregateId, version);
        emit(aggregateId, version);
        return inserted;
    }

    private boolean insertIfAbsent(String aggregateId, long version) {
        return jdbc.update("INSERT INTO view_position (aggregate_id, version) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM view_position WHERE aggregate_id = ?)", aggregateId, version, aggregateId) > 0;
    }

    private void emit(String aggregateId, long version) {
        // The emitter holds this back until the unit of work commits.
        emitter.emit(ViewVersionQuery.class, query -> query.aggregateId().equals(aggregateId), version);
        emitter.emit(ViewsShownQuery.class, query -> query.aggregateIds().contains(aggregateId), aggregateId);
    }

    @QueryHandler
    Long handle(ViewVersionQuery query) {
        return jdbc.queryForList("SELECT version FROM view_position WHERE aggregate_id = ?", Long.class,
                query.aggregateId()).stream().findFirst().orElse(-1L);
    }

    @QueryHandler
    List<String> handle(ViewsShownQuery query) {
        List<String> ids = List.copyOf(query.aggregateIds());
        List<String> shown = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            shown.addAll(jdbc.queryForList("SELECT aggregate_id FROM view_position WHERE aggregate_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", String.class, chunk.toArray()));
        }
        return shown;
    }

    public void clear() {
        jdbc.update("DELETE FROM view_position");
    }
}
