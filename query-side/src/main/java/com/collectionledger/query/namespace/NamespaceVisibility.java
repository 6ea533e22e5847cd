package com.collectionledger.query.namespace;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which namespaces a caller may not see, for answers that cross namespaces (lineage and history of
 * a namespace clone, whose originals lie in the source namespace).
 */
@Component
public class NamespaceVisibility {

    private final JdbcTemplate jdbc;

    NamespaceVisibility(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of {@code namespaceIds}, those outside {@code scope}; the request's own namespace is always
     * visible, and a null scope sees everything.
     */
    public Set<String> hidden(String requestNamespaceId, Collection<String> namespaceIds, List<String> scope) {
        Set<String> others = new LinkedHashSet<>(namespaceIds);
        others.remove(requestNamespaceId);
        if (scope == null || others.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(others);
        // A deleted namespace has no row any more: the scope is matched against its ID alone.
        String ids = String.join(", ", Collections.nCopies(others.size(), "(CAST(? AS VARCHAR(32)))"));
        String sql = "SELECT s.namespace_id FROM (SELECT ids.namespace_id, n.namespace_name FROM (VALUES " + ids
                + ") AS ids (namespace_id) LEFT JOIN view_namespace n ON n.namespace_id = ids.namespace_id) s WHERE "
                + NamespaceScopeSql.condition("s", scope, args);
        others.removeAll(jdbc.queryForList(sql, String.class, args.toArray()));
        return others;
    }
}
