package com.collectionledger.query.bucket;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.query.BucketPage;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.query.ListBucketsQuery;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.filter.FieldIndex;
import com.collectionledger.query.filter.ListFields;
import com.collectionledger.query.filter.ListSql;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewTimestamps;
import com.collectionledger.support.StoredJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class BucketProjection {

    private final JdbcTemplate jdbc;
    private final ViewPositions positions;
    private final FieldIndex index;
    private final ListSql lists;

    BucketProjection(JdbcTemplate jdbc, ViewPositions positions, FieldIndex index, ListSql lists) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.index = index;
        this.lists = lists;
    }

    @EventHandler
    void on(BucketCreated event) {
        BucketView view = BucketView.created(event);
        jdbc.update("DELETE FROM view_bucket WHERE bucket_id = ?", event.bucketId());
        jdbc.update("""
                        INSERT INTO view_bucket (bucket_id, namespace_id, bucket_name, description, created_at, updated_at,
                            document) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                view.bucketId(), view.namespaceId(), view.bucketName(), view.description(),
                ViewTimestamps.of(view.createdAt()), ViewTimestamps.of(view.updatedAt()), StoredJson.write(view));
        index.replace(ListFields.BUCKETS, view.bucketId(), view);
        positions.advance(event.bucketId(), 0);
    }

    @EventHandler
    void on(BucketCloned event) {
        on(event.asCreated());
    }

    @EventHandler
    void on(BucketUpdated event, @SequenceNumber long version) {
        jdbc.queryForList("SELECT document FROM view_bucket WHERE bucket_id = ?", String.class, event.bucketId())
                .stream().findFirst().map(document -> StoredJson.read(document, BucketView.class).updated(event))
                .ifPresent(view -> {
                    jdbc.update("""
                                    UPDATE view_bucket SET bucket_name = ?, description = ?, updated_at = ?, document = ?
                                    WHERE bucket_id = ?""",
                            view.bucketName(), view.description(), ViewTimestamps.of(view.updatedAt()),
                            StoredJson.write(view), view.bucketId());
                    index.replace(ListFields.BUCKETS, view.bucketId(), view);
                });
        positions.advance(event.bucketId(), version);
    }

    @EventHandler
    void on(BucketDeleted event, @SequenceNumber long version) {
        jdbc.update("DELETE FROM view_bucket WHERE bucket_id = ?", event.bucketId());
        index.remove(event.bucketId());
        positions.advance(event.bucketId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_bucket");
        index.clear(ListFields.BUCKETS);
    }

    @QueryHandler
    Optional<BucketView> handle(FindBucketQuery query) {
        return jdbc.queryForList("SELECT document FROM view_bucket WHERE namespace_id = ? AND (bucket_id = ? OR bucket_name = ?)",
                        String.class, query.namespaceId(), query.identifier(), query.identifier())
                .stream().findFirst().map(document -> StoredJson.read(document, BucketView.class));
    }

    @QueryHandler
    BucketPage handle(ListBucketsQuery query) {
        ListSql.Page<BucketView> page = lists.page(ListFields.BUCKETS, BucketView.class, "t.namespace_id = ?",
                List.of(query.namespaceId()), query.criteria(), query.offset(), query.limit());
        return new BucketPage(page.results(), page.total());
    }
}
