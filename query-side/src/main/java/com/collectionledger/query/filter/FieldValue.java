package com.collectionledger.query.filter;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One value at a path of a view, as {@code view_field_value} holds it: a string, a number or a boolean. */
record FieldValue(String path, Object value) {

    /**
     * The scalars under {@code value}: an object's entries at {@code path.key}, every item of a list
     * at the list's own path (so a condition on it holds when one item matches), nulls left out.
     */
    static void flatten(String path, Object value, List<FieldValue> into) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> flatten(path + "." + key, item, into));
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> flatten(path, item, into));
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            into.add(new FieldValue(path, value));
        } else {
            into.add(new FieldValue(path, String.valueOf(value)));
        }
    }
}
