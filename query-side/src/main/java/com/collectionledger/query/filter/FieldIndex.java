package com.collectionledger.query.filter;

import com.collectionledger.query.support.DeferredInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code view_field_value}: the values of a view's list and nested fields, one row per value.
 * Projections call it in the transaction of their own row, so the two never disagree.
 */
@Component
public class FieldIndex {

    private static final String INSERT = """
            INSERT INTO view_field_value (owner_type, owner_id, path, text_value, text_lower, text_key,
                number_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final DeferredInserts deferred;

    FieldIndex(JdbcTemplate jdbc, DeferredInserts deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /** The view's values now, replacing what the index held for it. */
    public <V> void replace(ListFields<V> fields, String ownerId, V view) {
        remove(ownerId);
        List<Object[]> rows = rows(fields, ownerId, view);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /** The values of a view the index holds nothing of yet, held with the unit of work's other new rows. */
    public <V> void addNew(ListFields<V> fields, String ownerId, V view) {
        deferred.insert(INSERT, rows(fields, ownerId, view));
    }

    private static <V> List<Object[]> rows(ListFields<V> fields, String ownerId, V view) {
        List<Object[]> rows = new ArrayList<>();
        for (FieldValue value : fields.indexedValues(view)) {
            String path = FilterValues.storable(value.path());
            if (path.length() > ListFields.MAX_PATH_LENGTH) {
                continue; // no filter can name it
            }
            rows.add(row(fields.resource(), ownerId, path, value.value()));
        }
        return rows;
    }

    public void remove(String ownerId) {
        jdbc.update("DELETE FROM view_field_value WHERE owner_id = ?", ownerId);
    }

    /** For the projections' reset handlers: every value of this kind of view. */
    public void clear(ListFields<?> fields) {
        jdbc.update("DELETE FROM view_field_value WHERE owner_type = ?", fields.resource());
    }

    private static Object[] row(String ownerType, String ownerId, String path, Object value) {
        if (value instanceof String text) {
            String stored = FilterValues.storable(text);
            return new Object[]{ownerType, ownerId, path, stored, FilterValues.lower(stored), FilterValues.key(stored),
                    null, null};
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            // A number beyond double's range keeps its place (exists) but compares with nothing.
            return new Object[]{ownerType, ownerId, path, null, null, null, Double.isFinite(n) ? n : null, null};
        }
        return new Object[]{ownerType, ownerId, path, null, null, null, null, value};
    }
}
