package com.collectionledger.query.lineage;

import com.collectionledger.api.collection.CollectionCloned;
import com.collectionledger.api.collection.Lineage;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.query.CollectionLineage;
import com.collectionledger.api.query.CollectionLineageQuery;
import com.collectionledger.query.collection.CollectionIdentifiers;
import com.collectionledger.query.namespace.NamespaceVisibility;
import com.collectionledger.support.StoredJson;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clone lineage from the collection view ({@code view_collection}) and the closure of each clone's nearest
 * ancestors ({@code view_lineage}, {@link LineageClosure}). A walk of up to {@link #CLOSURE_DEPTH} steps reads
 * ranges of that closure's indexes: the ancestors of a collection by (descendant, distance), a page of
 * descendants by (ancestor, distance, descendant) from the position after the previous page, so neither
 * depends on the size of the tree; only a total, when asked for, counts the tree. A deeper walk follows
 * the clone links with recursive CTEs ({@code cloned_from}, indexed by V5), within its depth cap. The
 * walks cross namespaces (a namespace clone's collections were cloned from the source namespace's); a
 * collection of a namespace the caller may not use is shown by ID only, {@code visible: false}.
 */
@Component
public class CollectionLineageService {

    /** The deepest walk the closure answers: the closure holds one step more, to tell whether a walk stopped short. */
    static final int CLOSURE_DEPTH = CollectionCloned.ANCESTRY_DEPTH - 1;

    private static final String LINK_COLUMNS = "v.collection_id, v.namespace_id, v.collection_name, v.generation,"
            + " v.deleted, v.cloned_from, v.cloned_from_version, v.cloned_at";

    private static final String CLOSURE_ANCESTORS = "SELECT l.distance AS depth, " + LINK_COLUMNS
            + " FROM view_lineage l JOIN view_collection v ON v.collection_id = l.ancestor_id"
            + " WHERE l.descendant_id = ? AND l.distance <= ? ORDER BY l.distance";

    private static final String WALKED_ANCESTORS = """
            WITH RECURSIVE chain (collection_id, cloned_from, depth) AS (
                SELECT collection_id, cloned_from, 1 FROM view_collection WHERE collection_id = ?
                UNION ALL
                SELECT up.collection_id, up.cloned_from, chain.depth + 1
                FROM chain JOIN view_collection up ON up.collection_id = chain.cloned_from
                WHERE chain.depth < ?)
            SELECT chain.depth, %s
            FROM chain JOIN view_collection v ON v.collection_id = chain.collection_id
            ORDER BY chain.depth""".formatted(LINK_COLUMNS);

    /** A page of descendants from the closure; the position condition is added when the page has one. */
    private static final String CLOSURE_PAGE = "SELECT l.distance AS depth, " + LINK_COLUMNS
            + " FROM view_lineage l JOIN view_collection v ON v.collection_id = l.descendant_id"
            + " WHERE l.ancestor_id = ? AND l.distance <= ?%s ORDER BY l.distance, l.descendant_id LIMIT ? OFFSET ?";

    private static final String AFTER_POSITION = " AND (l.distance, l.descendant_id) > (?, ?)";

    /** The clone tree below a collection, depth 0 being the collection itself. */
    private static final String TREE = """
            WITH RECURSIVE tree (collection_id, depth) AS (
                SELECT collection_id, 0 FROM view_collection WHERE collection_id = ?
                UNION ALL
                SELECT down.collection_id, tree.depth + 1
                FROM tree JOIN view_collection down ON down.cloned_from = tree.collection_id
                WHERE tree.depth < ?)
            """;

    private static final String WALKED_PAGE = TREE + "SELECT tree.depth, " + LINK_COLUMNS
            + " FROM tree JOIN view_collection v ON v.collection_id = tree.collection_id"
            + " WHERE tree.depth > 0%s ORDER BY tree.depth, v.collection_id LIMIT ? OFFSET ?";

    private static final String WALKED_AFTER_POSITION = " AND (tree.depth, v.collection_id) > (?, ?)";

    /** Counts the walked tree and tells whether a row at the cap has clones of its own (parameters: root, cap, cap). */
    private static final String WALKED_TOTAL = TREE + "SELECT COUNT(*) AS total, MAX(CASE WHEN tree.depth = ?"
            + " AND EXISTS (SELECT 1 FROM view_collection deeper WHERE deeper.cloned_from = tree.collection_id)"
            + " THEN 1 ELSE 0 END) AS cut FROM tree WHERE tree.depth > 0";

    private final JdbcTemplate jdbc;
    private final NamespaceVisibility visibility;
    private final CollectionIdentifiers identifiers;

    CollectionLineageService(JdbcTemplate jdbc, NamespaceVisibility visibility, CollectionIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.identifiers = identifiers;
    }

    @QueryHandler
    CollectionLineage handle(CollectionLineageQuery query) {
        Row collection = find(query.namespaceId(), query.identifier());
        if (collection == null) {
            return null;
        }
        StoredView stored = StoredJson.read(collection.document(), StoredView.class);
        return new CollectionLineage(collection.collectionId(), collection.collectionName(), collection.deleted(),
                collection.rootCollectionId(), collection.generation(),
                stored.schemas() == null ? List.of() : stored.schemas().sourceLineage(),
                query.ancestors() ? ancestors(collection, query) : null,
                query.descendants() ? descendants(collection, query) : null, stored.lineage().fromTemplate());
    }

    /** The collection's row (a deleted one's stays for lineage), if it is one of the namespace. */
    private Row find(String namespaceId, String identifier) {
        return identifiers.collectionId(namespaceId, identifier).flatMap(collectionId -> jdbc.query(
                "SELECT collection_id, collection_name, cloned_from, cloned_from_version, cloned_at,"
                        + " root_collection_id, generation, deleted, document"
                        + " FROM view_collection WHERE namespace_id = ? AND collection_id = ?",
                CollectionLineageService::row, namespaceId, collectionId).stream().findFirst()).orElse(null);
    }

    private CollectionLineage.Ancestors ancestors(Row collection, CollectionLineageQuery query) {
        int maxDepth = query.maxDepth();
        if (collection.clonedFrom() == null) {
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        List<Link> chain = List.of();
        if (maxDepth <= CLOSURE_DEPTH) {
            chain = jdbc.query(CLOSURE_ANCESTORS, CollectionLineageService::link, collection.collectionId(), maxDepth);
        }
        // Short of the generation: deeper than the closure, an ancestor not projected yet, or an early clone's
        // event without its ancestry; the links tell what is there.
        if (chain.size() < Math.min(maxDepth, collection.generation())) {
            chain = jdbc.query(WALKED_ANCESTORS, CollectionLineageService::link, collection.clonedFrom(), maxDepth);
        }
        if (chain.isEmpty()) {
            // The view may show a clone before its source (events are ordered per collection only).
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        Set<String> hidden = hiddenNamespaces(query, chain.stream().map(Link::namespaceId).toList());
        List<CollectionLineage.Ancestor> entries = new ArrayList<>(chain.size());
        // Each collection's own clone link says which version of the next one up it copied, and when.
        long copiedVersion = collection.clonedFromVersion();
        Instant copiedAt = collection.clonedAt();
        for (Link link : chain) {
            CollectionLineage.Ancestor ancestor = new CollectionLineage.Ancestor(link.depth(), link.collectionId(),
                    link.collectionName(), link.generation(), copiedVersion, copiedAt, link.deleted(), true);
            entries.add(hidden.contains(link.namespaceId()) ? ancestor.hidden() : ancestor);
            copiedVersion = link.clonedFromVersion();
            copiedAt = link.clonedAt();
        }
        Link last = chain.get(chain.size() - 1);
        return new CollectionLineage.Ancestors(entries, last.clonedFrom() != null && last.depth() >= maxDepth);
    }

    private CollectionLineage.Descendants descendants(Row collection, CollectionLineageQuery query) {
        int maxDepth = query.maxDepth();
        CollectionLineage.Position after = query.after();
        boolean closure = maxDepth <= CLOSURE_DEPTH;
        List<Object> parameters = new ArrayList<>(List.of(collection.collectionId(), maxDepth));
        String sql;
        if (closure) {
            sql = CLOSURE_PAGE.formatted(after == null ? "" : AFTER_POSITION);
        } else {
            sql = WALKED_PAGE.formatted(after == null ? "" : WALKED_AFTER_POSITION);
        }
        if (after != null) {
            parameters.add(after.depth());
            parameters.add(after.collectionId());
        }
        // One row more than the page tells whether there is a next page.
        parameters.add(query.limit() + 1);
        parameters.add(query.offset());
        List<Link> rows = jdbc.query(sql, CollectionLineageService::link, parameters.toArray());
        List<Link> page = rows.subList(0, Math.min(rows.size(), query.limit()));
        Long total = null;
        boolean truncated;
        if (closure) {
            truncated = !jdbc.queryForList("SELECT 1 FROM view_lineage WHERE ancestor_id = ? AND distance = ?"
                    + " FETCH FIRST 1 ROWS ONLY", Integer.class, collection.collectionId(), maxDepth + 1).isEmpty();
            if (query.countDescendants()) {
                total = jdbc.queryForObject("SELECT COUNT(*) FROM view_lineage WHERE ancestor_id = ? AND distance <= ?",
                        Long.class, collection.collectionId(), maxDepth);
            }
        } else {
            long[] walked = new long[2];
            jdbc.query(WALKED_TOTAL, rs -> {
                walked[0] = rs.getLong("total");
                walked[1] = rs.getInt("cut");
            }, collection.collectionId(), maxDepth, maxDepth);
            truncated = walked[1] > 0;
            total = query.countDescendants() ? walked[0] : null;
        }
        Set<String> hidden = hiddenNamespaces(query, page.stream().map(Link::namespaceId).toList());
        List<CollectionLineage.Descendant> entries = page.stream().map(link -> {
            CollectionLineage.Descendant descendant = new CollectionLineage.Descendant(link.depth(),
                    link.collectionId(), link.collectionName(), link.clonedFrom(), link.generation(),
                    link.clonedFromVersion(), link.clonedAt(), link.deleted(), true);
            return hidden.contains(link.namespaceId()) ? descendant.hidden() : descendant;
        }).toList();
        Link last = page.isEmpty() ? null : page.get(page.size() - 1);
        CollectionLineage.Position next = rows.size() > query.limit()
                ? new CollectionLineage.Position(last.depth(), last.collectionId()) : null;
        return new CollectionLineage.Descendants(entries, total, truncated, next);
    }

    /**
     * Of these namespaces, those the caller may not use. Clones stay in their source's namespace, except
     * a namespace clone's, whose original lies in the source namespace (which may since have been deleted).
     */
    private Set<String> hiddenNamespaces(CollectionLineageQuery query, List<String> namespaceIds) {
        return visibility.hidden(query.namespaceId(), namespaceIds, query.scope());
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("collection_id"), rs.getString("collection_name"), rs.getString("cloned_from"),
                rs.getLong("cloned_from_version"), instant(rs.getTimestamp("cloned_at")),
                rs.getString("root_collection_id"), rs.getInt("generation"), rs.getBoolean("deleted"),
                rs.getString("document"));
    }

    private static Link link(ResultSet rs, int rowNum) throws SQLException {
        return new Link(rs.getInt("depth"), rs.getString("collection_id"), rs.getString("cloned_from"),
                rs.getLong("cloned_from_version"), instant(rs.getTimestamp("cloned_at")), rs.getString("namespace_id"),
                rs.getString("collection_name"), rs.getInt("generation"), rs.getBoolean("deleted"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(String collectionId, String collectionName, String clonedFrom, long clonedFromVersion,
                       Instant clonedAt, String rootCollectionId, int generation, boolean deleted, String document) {
    }

    /**
     * A collection at {@code depth} steps from the one asked about, and its own clone link: the collection it
     * was cloned from, which version of it, and when.
     */
    private record Link(int depth, String collectionId, String clonedFrom, long clonedFromVersion, Instant clonedAt,
                        String namespaceId, String collectionName, int generation, boolean deleted) {
    }

    /** The parts of a view document that lineage reads; the mapper skips the rest. */
    record StoredView(Lineage lineage, StoredSchemas schemas) {
    }

    record StoredSchemas(List<SourceLineageEntry> sourceLineage) {

        StoredSchemas {
            sourceLineage = sourceLineage == null ? List.of() : sourceLineage;
        }
    }
}
