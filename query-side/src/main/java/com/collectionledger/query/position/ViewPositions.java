package com.collectionledger.query.position;

import com.collectionledger.api.query.ViewVersionQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
            jdbc.update("INSERT INTO view_position (aggregate_id, version) SELECT ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM view_position WHERE aggregate_id = ?)", aggregateId, version, aggregateId);
        }
        // The emitter holds this back until the unit of work commits.
        emitter.emit(ViewVersionQuery.class, query -> query.aggregateId().equals(aggregateId), version);
    }

    @QueryHandler
    Long handle(ViewVersionQuery query) {
        return jdbc.queryForList("SELECT version FROM view_position WHERE aggregate_id = ?", Long.class,
                query.aggregateId()).stream().findFirst().orElse(-1L);
    }

    public void clear() {
        jdbc.update("DELETE FROM view_position");
    }
}
