package com.collectionledger.query.filter;

import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.NamespaceView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static com.collectionledger.query.filter.FieldType.BOOLEAN;
import static com.collectionledger.query.filter.FieldType.INTEGER;
import static com.collectionledger.query.filter.FieldType.STRING;
import static com.collectionledger.query.filter.FieldType.TIMESTAMP;

/**
 * The fields a list route filters and sorts on, by the dotted paths of the resource's JSON, and
 * where each lives: a column of the view's table, or values in {@code view_field_value} that the
 * projection takes from the view with the function given here. The one place that says both.
 */
public final class ListFields<V> {

    public static final String METADATA = "metadata";
    /** Longer paths are neither indexed nor accepted in a filter. */
    public static final int MAX_PATH_LENGTH = 200;

    public static final ListFields<CollectionView> COLLECTIONS = new ListFields<CollectionView>("collections",
            "view_collection", "collection_id", "created_at", List.of("collection_id", "collection_name", "description"))
            .column("collection_id", STRING, "collection_id")
            .column("collection_name", STRING, "collection_name")
            .column("description", STRING, "description")
            .column("namespace_id", STRING, "namespace_id")
            .column("enabled", BOOLEAN, "enabled")
            .lowerCaseColumn("source.type", "source_type", "source_type")
            .lowerCaseColumn("feature_extractor.feature_extractor_id", "feature_extractor_id", "feature_extractor_id")
            .column("lineage.cloned_from.collection_id", STRING, "cloned_from", "cloned_from")
            .column("lineage.root_collection_id", STRING, "root_collection_id", "root_collection_id")
            .column("lineage.generation", INTEGER, "generation", "generation")
            .column("version", INTEGER, "version")
            .column("created_at", TIMESTAMP, "created_at")
            .column("updated_at", TIMESTAMP, "updated_at")
            .indexed("source.bucket_ids", view -> view.config().source().bucketIds())
            .indexed("source.collection_id", view -> view.config().source().collectionId())
            .indexed("source.collection_ids", view -> view.config().source().collectionIds())
            .indexed("feature_extractor.feature_extractor_name",
                    view -> view.config().featureExtractor().featureExtractorName())
            .indexed("feature_extractor.version", view -> view.config().featureExtractor().version())
            .indexed("taxonomy_applications.taxonomy_id",
                    view -> each(view.config().taxonomyApplications(), TaxonomyApplication::taxonomyId))
            .indexed("taxonomy_applications.execution_mode",
                    view -> each(view.config().taxonomyApplications(), TaxonomyApplication::executionMode))
            .indexed("taxonomy_applications.target_collection_id",
                    view -> each(view.config().taxonomyApplications(), TaxonomyApplication::targetCollectionId))
            .metadata(view -> view.config().metadata());

    public static final ListFields<BucketView> BUCKETS = new ListFields<BucketView>("buckets",
            "view_bucket", "bucket_id", "bucket_name", List.of("bucket_id", "bucket_name", "description"))
            .column("bucket_id", STRING, "bucket_id")
            .column("bucket_name", STRING, "bucket_name")
            .column("description", STRING, "description")
            .column("created_at", TIMESTAMP, "created_at")
            .column("updated_at", TIMESTAMP, "updated_at")
            .metadata(BucketView::metadata);

    public static final ListFields<NamespaceView> NAMESPACES = new ListFields<NamespaceView>("namespaces",
            "view_namespace", "namespace_id", "namespace_name", List.of("namespace_id", "namespace_name", "description"))
            .column("namespace_id", STRING, "namespace_id")
            .column("namespace_name", STRING, "namespace_name")
            .column("description", STRING, "description")
            .column("created_at", TIMESTAMP, "created_at")
            .column("updated_at", TIMESTAMP, "updated_at")
            .indexed("feature_extractors.feature_extractor_id", view -> each(view.featureExtractors(), ExtractorRef::id))
            .indexed("feature_extractors.feature_extractor_name",
                    view -> each(view.featureExtractors(), ExtractorRef::featureExtractorName))
            .indexed("feature_extractors.version", view -> each(view.featureExtractors(), ExtractorRef::version));

    private final String resource;
    private final String table;
    private final String idColumn;
    private final String defaultSort;
    private final List<String> searchColumns;
    /** By name and by alias (the flat names of earlier versions, e.g. {@code source_type}). */
    private final Map<String, ListField> fields = new LinkedHashMap<>();
    private final Map<String, Function<V, Object>> indexedValues = new LinkedHashMap<>();
    private Function<V, Map<String, Object>> metadata;

    private ListFields(String resource, String table, String idColumn, String defaultSort, List<String> searchColumns) {
        this.resource = resource;
        this.table = table;
        this.idColumn = idColumn;
        this.defaultSort = defaultSort;
        this.searchColumns = searchColumns;
    }

    private ListFields<V> column(String name, FieldType type, String column, String... aliases) {
        return add(new ListField(name, type, column, false), aliases);
    }

    /** A string column whose values are all lower-case: names and IDs from the extractor catalog. */
    private ListFields<V> lowerCaseColumn(String name, String column, String... aliases) {
        return add(new ListField(name, STRING, column, true), aliases);
    }

    private ListFields<V> add(ListField field, String... aliases) {
        fields.put(field.name(), field);
        for (String alias : aliases) {
            fields.putIfAbsent(alias, field);
        }
        return this;
    }

    private ListFields<V> indexed(String path, Function<V, Object> values) {
        fields.put(path, new ListField(path, STRING, null, false));
        indexedValues.put(path, values);
        return this;
    }

    private ListFields<V> metadata(Function<V, Map<String, Object>> values) {
        this.metadata = values;
        return this;
    }

    private static <T> List<Object> each(Collection<T> items, Function<T, Object> value) {
        List<Object> values = new ArrayList<>();
        if (items != null) {
            items.stream().filter(Objects::nonNull).map(value).forEach(values::add);
        }
        return values;
    }

    /** The field a name or alias means; any {@code metadata.<key>} where the resource has metadata. */
    public Optional<ListField> resolve(String name) {
        ListField field = fields.get(name);
        if (field != null) {
            return Optional.of(field);
        }
        boolean metadataPath = metadata != null && name.startsWith(METADATA + ".")
                && name.length() > METADATA.length() + 1 && name.length() <= MAX_PATH_LENGTH;
        return metadataPath ? Optional.of(new ListField(name, FieldType.ANY, null, false)) : Optional.empty();
    }

    /** The field names a client may use, for messages. */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.values().stream().map(ListField::name).distinct().toList());
        if (metadata != null) {
            names.add(METADATA + ".<key>");
        }
        return names;
    }

    /** The column a sort field orders by: only single-valued fields with a column sort. */
    public Optional<ListField> sortField(String name) {
        return Optional.ofNullable(fields.get(name)).filter(field -> !field.indexed());
    }

    public List<String> sortNames() {
        return fields.values().stream().filter(field -> !field.indexed()).map(ListField::name).distinct().toList();
    }

    /** Every indexed value of the view: its path and a string, number or boolean. */
    List<FieldValue> indexedValues(V view) {
        List<FieldValue> values = new ArrayList<>();
        indexedValues.forEach((path, extract) -> FieldValue.flatten(path, extract.apply(view), values));
        if (metadata != null) {
            FieldValue.flatten(METADATA, metadata.apply(view), values);
        }
        return values;
    }

    /** The plural name of the listed resource; also marks its rows in {@code view_field_value}. */
    public String resource() {
        return resource;
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    String defaultSort() {
        return defaultSort;
    }

    List<String> searchColumns() {
        return searchColumns;
    }

    /** Whether the view has values in {@code view_field_value}; its rows there are marked with {@link #resource}. */
    boolean hasIndexedValues() {
        return !indexedValues.isEmpty() || metadata != null;
    }
}
