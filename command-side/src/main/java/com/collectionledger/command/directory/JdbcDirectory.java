package com.collectionledger.command.directory;

import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.support.StoredJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The {@link Directory} over the tables that {@link DirectoryProjection} keeps. */
@Component
public class JdbcDirectory implements Directory {

    private static final TypeReference<List<ExtractorRef>> EXTRACTORS = new TypeReference<>() { };
    private static final TypeReference<List<SourceLineageEntry>> LINEAGE = new TypeReference<>() { };

    private static final RowMapper<NamespaceEntry> NAMESPACE_ROW = (rs, i) -> new NamespaceEntry(
            rs.getString("namespace_id"), rs.getString("namespace_name"),
            StoredJson.read(rs.getString("feature_extractors"), EXTRACTORS));

    private final JdbcTemplate jdbc;
    private final RowMapper<CollectionEntry> collectionRow;
    private final RowMapper<BucketEntry> bucketRow;

    JdbcDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.collectionRow = (rs, i) -> new CollectionEntry(rs.getString("collection_id"), rs.getString("namespace_id"),
                rs.getString("collection_name"), StoredJson.read(rs.getString("output_schema"), ObjectSchema.class),
                rs.getString("feature_extractor_id"), sourceLineage(rs.getString("source_lineage"),
                        rs.getString("feature_extractor_id"), rs.getString("output_schema")));
        this.bucketRow = (rs, i) -> new BucketEntry(rs.getString("bucket_id"), rs.getString("namespace_id"),
                rs.getString("bucket_name"), StoredJson.read(rs.getString("bucket_schema"), ObjectSchema.class));
    }

    /** Rows written before the lineage had tiers are read in the new shape (see {@link LegacySourceLineage}). */
    private List<SourceLineageEntry> sourceLineage(String lineage, String featureExtractorId, String outputSchema) {
        JsonNode entries = StoredJson.tree(lineage);
        if (LegacySourceLineage.isLegacy(entries)) {
            ObjectNode own = JsonNodeFactory.instance.objectNode();
            own.set("featureExtractor", LegacySourceLineage.extractorOf(featureExtractorId));
            own.set("outputSchema", StoredJson.tree(outputSchema));
            entries = LegacySourceLineage.convert(entries, own, null);
        }
        return StoredJson.convert(entries, LINEAGE);
    }

    @Override
    public Optional<NamespaceEntry> namespace(String namespaceId) {
        return jdbc.query("SELECT * FROM dir_namespace WHERE namespace_id = ?", NAMESPACE_ROW, namespaceId)
                .stream().findFirst();
    }

    @Override
    public void lockNamespace(String namespaceId) {
        jdbc.queryForList("SELECT namespace_id FROM dir_namespace WHERE namespace_id = ? FOR UPDATE", String.class,
                namespaceId);
    }

    /**
     * {@link #lockNamespace} and {@link #namespace} in one statement: the row as it is once the lock is held, with
     * what a change that held the lock before committed (both stores answer a locking read with the newest row).
     */
    public Optional<NamespaceEntry> lockedNamespace(String namespaceId) {
        return jdbc.query("SELECT * FROM dir_namespace WHERE namespace_id = ? FOR UPDATE", NAMESPACE_ROW, namespaceId)
                .stream().findFirst();
    }

    @Override
    public List<CollectionEntry> liveCollections(String namespaceId) {
        return jdbc.query("SELECT * FROM dir_collection WHERE namespace_id = ? AND NOT deleted ORDER BY collection_name",
                collectionRow, namespaceId);
    }

    @Override
    public List<BucketEntry> buckets(String namespaceId) {
        return jdbc.query("SELECT * FROM dir_bucket WHERE namespace_id = ? ORDER BY bucket_name", bucketRow,
                namespaceId);
    }

    @Override
    public List<CollectionEntry> liveBucketDependents(String bucketId) {
        return jdbc.query("""
                SELECT c.* FROM dir_collection c JOIN dir_collection_bucket b ON b.collection_id = c.collection_id
                WHERE b.bucket_id = ? AND NOT c.deleted ORDER BY c.collection_name""", collectionRow, bucketId);
    }

    /** A namespace by ID or by name. */
    public Optional<NamespaceEntry> namespaceByIdOrName(String identifier) {
        return jdbc.query("SELECT * FROM dir_namespace WHERE namespace_id = ? OR namespace_name = ?", NAMESPACE_ROW,
                identifier, identifier).stream().findFirst();
    }

    @Override
    public boolean namespaceNameTaken(String namespaceName) {
        return exists("SELECT COUNT(*) FROM dir_namespace WHERE namespace_name = ?", namespaceName);
    }

    @Override
    public Optional<BucketEntry> bucket(String namespaceId, String bucketId) {
        if (unfindable(bucketId)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM dir_bucket WHERE namespace_id = ? AND bucket_id = ?", bucketRow,
                namespaceId, bucketId).stream().findFirst();
    }

    /** The ID of a bucket of the namespace, by ID or by name. */
    public Optional<String> bucketId(String namespaceId, String identifier) {
        if (unfindable(identifier)) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT bucket_id FROM dir_bucket WHERE namespace_id = ? AND (bucket_id = ? OR bucket_name = ?)",
                String.class, namespaceId, identifier, identifier).stream().findFirst();
    }

    @Override
    public boolean bucketNameTaken(String namespaceId, String bucketName) {
        return exists("SELECT COUNT(*) FROM dir_bucket WHERE namespace_id = ? AND bucket_name = ?", namespaceId, bucketName);
    }

    @Override
    public Optional<CollectionEntry> liveCollection(String namespaceId, String collectionId) {
        if (unfindable(collectionId)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM dir_collection WHERE namespace_id = ? AND collection_id = ? AND NOT deleted",
                collectionRow, namespaceId, collectionId).stream().findFirst();
    }

    @Override
    public Optional<String> collectionNamed(String namespaceId, String collectionName) {
        if (unfindable(collectionName)) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT collection_id FROM dir_collection_name WHERE namespace_id = ? AND collection_name = ?",
                String.class, namespaceId, collectionName).stream().findFirst();
    }

    /**
     * The ID of a live collection of the namespace, by ID or else by name: one statement, and only the ID is read
     * (no schemas or lineage to parse).
     */
    public Optional<String> liveCollectionId(String namespaceId, String identifier) {
        if (unfindable(identifier)) {
            return Optional.empty();
        }
        return jdbc.query("""
                        SELECT collection_id, 0 AS by_name FROM dir_collection
                        WHERE namespace_id = ? AND collection_id = ? AND NOT deleted
                        UNION ALL
                        SELECT collection_id, 1 AS by_name FROM dir_collection_name
                        WHERE namespace_id = ? AND collection_name = ?
                        ORDER BY by_name""", (rs, i) -> rs.getString("collection_id"),
                namespaceId, identifier, namespaceId, identifier).stream().findFirst();
    }

    @Override
    public List<CollectionEntry> liveDependents(String collectionId) {
        // Lock the collection's row until this transaction ends: a concurrent create that names it as
        // its source waits for us (see DirectoryProjection.addCollection), so no dependent slips in
        // between this check and the deletion.
        jdbc.queryForList("SELECT collection_id FROM dir_collection WHERE collection_id = ? FOR UPDATE",
                String.class, collectionId);
        return jdbc.query("""
                SELECT c.* FROM dir_collection c JOIN dir_collection_source s ON s.collection_id = c.collection_id
                WHERE s.source_collection_id = ? AND NOT c.deleted ORDER BY c.collection_name""",
                collectionRow, collectionId);
    }

    private boolean exists(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count != null && count > 0;
    }

    /** No stored ID or name holds U+0000, and PostgreSQL cannot even compare text holding it: it finds nothing. */
    private static boolean unfindable(String identifier) {
        return identifier != null && identifier.indexOf('\u0000') >= 0;
    }
}
