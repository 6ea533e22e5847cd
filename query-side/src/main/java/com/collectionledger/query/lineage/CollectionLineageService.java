package com.collectionledger.query.lineage;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clone lineage from the collection view ({@code view_collection}), with recursive CTEs that walk
 * the {@code cloned_from} links in the database: up by primary key, down by the index on
 * {@code (cloned_from, collection_id)} (V5). The depth cap is inside each CTE, so a walk never goes
 * further than asked, and the descendants are counted, ordered and paged in one statement; only
 * the rows of the answer are read whole. The walks cross namespaces (a namespace clone's collections
 * were cloned from the source namespace's); a collection of a namespace the caller may not use is
 * shown by ID only, {@code visible: false}.
 */
@Component
public class CollectionLineageService {

    private static final String ANCESTORS = """
            WITH RECURSIVE chain (collection_id, cloned_from, depth) AS (
                SELECT collection_id, cloned_from, 1 FROM view_collection WHERE collection_id = ?
                UNION ALL
                SELECT up.collection_id, up.cloned_from, chain.depth + 1
                FROM chain JOIN view_collection up ON up.collection_id = chain.cloned_from
                WHERE chain.depth < ?)
            SELECT chain.depth, chain.collection_id, chain.cloned_from, v.namespace_id, v.collection_name, v.generation,
                   v.deleted, v.document
            FROM chain JOIN view_collection v ON v.collection_id = chain.collection_id
            ORDER BY chain.depth""";

    /** The clone tree below a collection, depth 0 being the collection itself. */
    private static final String TREE = """
            WITH RECURSIVE tree (collection_id, parent_id, depth) AS (
                SELECT collection_id, CAST(NULL AS VARCHAR(32)), 0 FROM view_collection WHERE collection_id = ?
                UNION ALL
                SELECT down.collection_id, tree.collection_id, tree.depth + 1
                FROM tree JOIN view_collection down ON down.cloned_from = tree.collection_id
                WHERE tree.depth < ?)
            """;

    /** Whether a row of the tree sits at the cap and has clones of its own (parameter: the cap). */
    private static final String CUT = "CASE WHEN tree.depth = ? AND EXISTS (SELECT 1 FROM view_collection deeper"
            + " WHERE deeper.cloned_from = tree.collection_id) THEN 1 ELSE 0 END";

    private static final String DESCENDANTS_PAGE = TREE + """
            SELECT p.depth, p.collection_id, p.parent_id, p.total, p.cut,
                   v.namespace_id, v.collection_name, v.generation, v.deleted, v.document
            FROM (SELECT tree.depth, tree.collection_id, tree.parent_id, COUNT(*) OVER () AS total,
                         MAX(%s) OVER () AS cut
                  FROM tree WHERE tree.depth > 0
                  ORDER BY tree.depth, tree.collection_id LIMIT ? OFFSET ?) p
            JOIN view_collection v ON v.collection_id = p.collection_id
            ORDER BY p.depth, p.collection_id""".formatted(CUT);

    /** For a page past the end, which has no rows to carry the window's totals. */
    private static final String DESCENDANTS_TOTAL = TREE + "SELECT COUNT(*) AS total, MAX(" + CUT + ") AS cut"
            + " FROM tree WHERE tree.depth > 0";

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
                query.ancestors() ? ancestors(collection, stored, query) : null,
                query.descendants() ? descendants(collection, query) : null, stored.lineage().fromTemplate());
    }

    /** The collection's row (a deleted one's stays for lineage), if it is one of the namespace. */
    private Row find(String namespaceId, String identifier) {
        return identifiers.collectionId(namespaceId, identifier).flatMap(collectionId -> jdbc.query(
                "SELECT collection_id, collection_name, cloned_from, root_collection_id, generation, deleted, document"
                        + " FROM view_collection WHERE namespace_id = ? AND collection_id = ?",
                CollectionLineageService::row, namespaceId, collectionId).stream().findFirst()).orElse(null);
    }

    private CollectionLineage.Ancestors ancestors(Row collection, StoredView stored, CollectionLineageQuery query) {
        int maxDepth = query.maxDepth();
        if (collection.clonedFrom() == null) {
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        List<Link> chain = jdbc.query(ANCESTORS, (rs, i) -> new Link(rs.getInt("depth"),
                rs.getString("collection_id"), rs.getString("cloned_from"), rs.getString("namespace_id"),
                rs.getString("collection_name"),
                rs.getInt("generation"), rs.getBoolean("deleted"), rs.getString("document")),
                collection.clonedFrom(), maxDepth);
        if (chain.isEmpty()) {
            // The view may show a clone before its source (events are ordered per collection only).
            return new CollectionLineage.Ancestors(List.of(), false);
        }
        List<CollectionLineage.Ancestor> entries = new ArrayList<>(chain.size());
        Set<String> hidden = hiddenNamespaces(query, chain.stream().map(Link::namespaceId).toList());
        // Each collection's own clone link says which version of the next one up it copied, and when.
        Lineage.ClonedFrom copied = stored.lineage().clonedFrom();
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            CollectionLineage.Ancestor ancestor = new CollectionLineage.Ancestor(link.depth(), link.collectionId(),
                    link.collectionName(), link.generation(), copied.sourceVersion(), copied.clonedAt(), link.deleted(),
                    true);
            entries.add(hidden.contains(link.namespaceId()) ? ancestor.hidden() : ancestor);
            if (i + 1 < chain.size()) {
                copied = StoredJson.read(link.document(), StoredLink.class).lineage().clonedFrom();
            }
        }
        Link last = chain.get(chain.size() - 1);
        return new CollectionLineage.Ancestors(entries, last.clonedFrom() != null && last.depth() >= maxDepth);
    }

    private CollectionLineage.Descendants descendants(Row collection, CollectionLineageQuery query) {
        long[] totals = new long[2];
        List<InNamespace<CollectionLineage.Descendant>> page = jdbc.query(DESCENDANTS_PAGE, (rs, i) -> {
            totals[0] = rs.getLong("total");
            totals[1] = rs.getInt("cut");
            Lineage.ClonedFrom copied = StoredJson.read(rs.getString("document"), StoredLink.class).lineage()
                    .clonedFrom();
            return new InNamespace<>(rs.getString("namespace_id"), new CollectionLineage.Descendant(rs.getInt("depth"),
                    rs.getString("collection_id"), rs.getString("collection_name"), rs.getString("parent_id"),
                    rs.getInt("generation"), copied == null ? 0 : copied.sourceVersion(),
                    copied == null ? null : copied.clonedAt(), rs.getBoolean("deleted"), true));
        }, collection.collectionId(), query.maxDepth(), query.maxDepth(), query.limit(), query.offset());
        if (page.isEmpty()) {
            jdbc.query(DESCENDANTS_TOTAL, rs -> {
                totals[0] = rs.getLong("total");
                totals[1] = rs.getInt("cut");
            }, collection.collectionId(), query.maxDepth(), query.maxDepth());
        }
        Set<String> hidden = hiddenNamespaces(query, page.stream().map(InNamespace::namespaceId).toList());
        List<CollectionLineage.Descendant> entries = page.stream()
                .map(d -> hidden.contains(d.namespaceId()) ? d.entry().hidden() : d.entry()).toList();
        return new CollectionLineage.Descendants(entries, totals[0], totals[1] > 0);
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
                rs.getString("root_collection_id"), rs.getInt("generation"), rs.getBoolean("deleted"),
                rs.getString("document"));
    }

    private record Row(String collectionId, String collectionName, String clonedFrom, String rootCollectionId,
                       int generation, boolean deleted, String document) {
    }

    /** One step up the chain: the collection at {@code depth}, and the one it was cloned from. */
    private record Link(int depth, String collectionId, String clonedFrom, String namespaceId, String collectionName,
                        int generation, boolean deleted, String document) {
    }

    /** A lineage entry and the namespace its collection lies in. */
    private record InNamespace<T>(String namespaceId, T entry) {
    }

    /** The parts of a view document that lineage reads; the mapper skips the rest. */
    record StoredView(Lineage lineage, StoredSchemas schemas) {
    }

    /** Only the clone link, for the many documents of a long chain or a page. */
    record StoredLink(Lineage lineage) {
    }

    record StoredSchemas(List<SourceLineageEntry> sourceLineage) {

        StoredSchemas {
            sourceLineage = sourceLineage == null ? List.of() : sourceLineage;
        }
    }
}
