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
 * depends on the size of the tree; only a total, when asked for, counts the tree. Within the closure a request
 * is one statement, one round trip to the store: the collection's row, its ancestors and its page of
 * descendants, as a union whose parts a column tells apart (each round trip, not the SQL, is what a read
 * costs on a busy store: the plans take well under a millisecond, generic ones too). A deeper walk follows
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

    /**
     * The collection's own row (part 0), with, when asked, whether its tree goes deeper than the cap and how
     * many descendants lie within it; then, in the same statement, the parts of its lineage the closure answers.
     */
    private static final String COLLECTION_PART = "SELECT 0 AS part, 0 AS depth, " + LINK_COLUMNS
            + ", v.root_collection_id, v.document, %s AS deeper, %s AS total"
            + " FROM view_collection v WHERE v.namespace_id = ? AND v.collection_id = ?";

    private static final String DEEPER = "EXISTS (SELECT 1 FROM view_lineage d WHERE d.ancestor_id = v.collection_id"
            + " AND d.distance = ?)";

    private static final String TOTAL = "(SELECT COUNT(*) FROM view_lineage d WHERE d.ancestor_id = v.collection_id"
            + " AND d.distance <= ?)";

    /** The columns a lineage entry has in place of the collection's own. */
    private static final String ENTRY_TAIL = ", v.root_collection_id, NULL, FALSE, NULL";

    /** The ancestors up to the cap from the closure (part 1). */
    private static final String CLOSURE_ANCESTORS = "SELECT 1, l.distance, " + LINK_COLUMNS + ENTRY_TAIL
            + " FROM view_lineage l JOIN view_collection v ON v.collection_id = l.ancestor_id"
            + " WHERE l.descendant_id = ? AND l.distance <= ?";

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

    /**
     * A page of descendants from the closure (part 2); the position condition is added when the page has one,
     * the offset when it is not 0 (a page by cursor has none). The limit and offset are written into the
     * statement: H2 keeps the first values bound to them in a union's parenthesized part, and PostgreSQL plans
     * the page with the limit it knows.
     */
    private static final String CLOSURE_PAGE = "(SELECT 2, l.distance, " + LINK_COLUMNS + ENTRY_TAIL
            + " FROM view_lineage l JOIN view_collection v ON v.collection_id = l.descendant_id"
            + " WHERE l.ancestor_id = ? AND l.distance <= ?%s ORDER BY l.distance, l.descendant_id LIMIT %d%s)";

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
        Read read = identifiers.collectionId(query.namespaceId(), query.identifier())
                .map(collectionId -> read(collectionId, query)).orElse(null);
        if (read == null) {
            return null;
        }
        Part collection = read.collection();
        StoredView stored = StoredJson.read(collection.document(), StoredView.class);
        return new CollectionLineage(collection.link().collectionId(), collection.link().collectionName(),
                collection.link().deleted(), collection.rootCollectionId(), collection.link().generation(),
                stored.schemas() == null ? List.of() : stored.schemas().sourceLineage(),
                query.ancestors() ? ancestors(collection, read.ancestors(), query) : null,
                query.descendants() ? descendants(collection, read.descendants(), query) : null,
                stored.lineage().fromTemplate());
    }

    /**
     * The collection's row (a deleted one's stays for lineage), if it is one of the namespace, and what the
     * closure answers of the lineage asked for, in one statement: a request is one round trip to the store.
     */
    private Read read(String collectionId, CollectionLineageQuery query) {
        boolean closure = query.maxDepth() <= CLOSURE_DEPTH;
        boolean page = closure && query.descendants();
        List<Object> parameters = new ArrayList<>();
        if (page) {
            parameters.add(query.maxDepth() + 1);
            if (query.countDescendants()) {
                parameters.add(query.maxDepth());
            }
        }
        parameters.add(query.namespaceId());
        parameters.add(collectionId);
        StringBuilder sql = new StringBuilder(COLLECTION_PART.formatted(page ? DEEPER : "FALSE",
                page && query.countDescendants() ? TOTAL : "CAST(NULL AS BIGINT)"));
        if (closure && query.ancestors()) {
            sql.append(" UNION ALL ").append(CLOSURE_ANCESTORS);
            parameters.add(collectionId);
            parameters.add(query.maxDepth());
        }
        if (page) {
            CollectionLineage.Position after = query.after();
            // One row more than the page tells whether there is a next page.
            sql.append(" UNION ALL ").append(CLOSURE_PAGE.formatted(after == null ? "" : AFTER_POSITION,
                    query.limit() + 1, query.offset() == 0 ? "" : " OFFSET " + query.offset()));
            parameters.add(collectionId);
            parameters.add(query.maxDepth());
            if (after != null) {
                parameters.add(after.depth());
                parameters.add(after.collectionId());
            }
        }
        String statement = sql.indexOf(" UNION ALL ") < 0 ? sql.toString()
                : "SELECT * FROM (" + sql + ") lineage ORDER BY part, depth, collection_id";
        List<Part> parts = jdbc.query(statement, CollectionLineageService::part, parameters.toArray());
        if (parts.isEmpty() || parts.get(0).part() != 0) {
            return null;
        }
        List<Link> ancestors = closure && query.ancestors() ? new ArrayList<>() : null;
        List<Link> descendants = page ? new ArrayList<>() : null;
        for (Part part : parts.subList(1, parts.size())) {
            (part.part() == 1 ? ancestors : descendants).add(part.link());
        }
        return new Read(parts.get(0), ancestors, descendants);
    }

    /** {@code closureChain}: the ancestors the closure holds, null when the walk goes deeper than it. */
    private CollectionLineage.Ancestors ancestors(Part collection, List<Link> closureChain,
                                                 CollectionLineageQuery query) {
        int maxDepth = query.maxDepth();
        Link own = collection.link();
        if (own.clonedFrom() == null) {
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        List<Link> chain = closureChain == null ? List.of() : closureChain;
        // Short of the generation: deeper than the closure, an ancestor not projected yet, or an early clone's
        // event without its ancestry; the links tell what is there.
        if (chain.size() < Math.min(maxDepth, own.generation())) {
            chain = jdbc.query(WALKED_ANCESTORS, CollectionLineageService::link, own.clonedFrom(), maxDepth);
        }
        if (chain.isEmpty()) {
            // The view may show a clone before its source (events are ordered per collection only).
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        Set<String> hidden = hiddenNamespaces(query, chain.stream().map(Link::namespaceId).toList());
        List<CollectionLineage.Ancestor> entries = new ArrayList<>(chain.size());
        // Each collection's own clone link says which version of the next one up it copied, and when.
        long copiedVersion = own.clonedFromVersion();
        Instant copiedAt = own.clonedAt();
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

    /** {@code closureRows}: the page (and one row more) from the closure, null when the walk goes deeper than it. */
    private CollectionLineage.Descendants descendants(Part collection, List<Link> closureRows,
                                                     CollectionLineageQuery query) {
        int maxDepth = query.maxDepth();
        CollectionLineage.Position after = query.after();
        List<Link> rows;
        Long total;
        boolean truncated;
        if (closureRows != null) {
            rows = closureRows;
            truncated = collection.deeper();
            total = query.countDescendants() ? collection.total() : null;
        } else {
            String collectionId = collection.link().collectionId();
            List<Object> parameters = new ArrayList<>(List.of(collectionId, maxDepth));
            if (after != null) {
                parameters.add(after.depth());
                parameters.add(after.collectionId());
            }
            parameters.add(query.limit() + 1);
            parameters.add(query.offset());
            rows = jdbc.query(WALKED_PAGE.formatted(after == null ? "" : WALKED_AFTER_POSITION),
                    CollectionLineageService::link, parameters.toArray());
            long[] walked = new long[2];
            jdbc.query(WALKED_TOTAL, rs -> {
                walked[0] = rs.getLong("total");
                walked[1] = rs.getInt("cut");
            }, collectionId, maxDepth, maxDepth);
            truncated = walked[1] > 0;
            total = query.countDescendants() ? walked[0] : null;
        }
        List<Link> page = rows.subList(0, Math.min(rows.size(), query.limit()));
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

    private static Part part(ResultSet rs, int rowNum) throws SQLException {
        long total = rs.getLong("total");
        Long counted = rs.wasNull() ? null : total;
        return new Part(rs.getInt("part"), link(rs, rowNum), rs.getString("root_collection_id"),
                rs.getString("document"), rs.getBoolean("deeper"), counted);
    }

    private static Link link(ResultSet rs, int rowNum) throws SQLException {
        return new Link(rs.getInt("depth"), rs.getString("collection_id"), rs.getString("cloned_from"),
                rs.getLong("cloned_from_version"), instant(rs.getTimestamp("cloned_at")), rs.getString("namespace_id"),
                rs.getString("collection_name"), rs.getInt("generation"), rs.getBoolean("deleted"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * A row of the lineage statement: the collection itself (part 0, with its document, whether its tree goes
     * deeper than the cap, and its total when counted), an ancestor (1) or a descendant (2).
     */
    private record Part(int part, Link link, String rootCollectionId, String document, boolean deeper, Long total) {
    }

    /** The collection's row and, when the closure answered them, its ancestors and its page of descendants. */
    private record Read(Part collection, List<Link> ancestors, List<Link> descendants) {
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
