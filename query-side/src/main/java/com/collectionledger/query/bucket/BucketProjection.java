package com.collectionledger.query.bucket;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.query.BucketPage;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.query.ListBucketsQuery;
import com.collectionledger.query.ReadModel;
import com.collectionledger.query.position.ViewPositions;
import com.collectionledger.query.support.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class BucketProjection {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final ViewPositions positions;

    BucketProjection(JdbcTemplate jdbc, ViewJson json, ViewPositions positions) {
        this.jdbc = jdbc;
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(BucketCreated event) {
        BucketView view = BucketView.created(event);
        jdbc.update("DELETE FROM view_bucket WHERE bucket_id = ?", event.bucketId());
        jdbc.update("INSERT INTO view_bucket (bucket_id, namespace_id, bucket_name, document) VALUES (?, ?, ?, ?)",
                event.bucketId(), event.namespaceId(), event.bucketName(), json.write(view));
        positions.advance(event.bucketId(), 0);
    }

    @EventHandler
    void on(BucketCloned event) {
        on(event.asCreated());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM view_bucket");
    }

    @QueryHandler
    Optional<BucketView> handle(FindBucketQuery query) {
        return jdbc.queryForList("SELECT document FROM view_bucket WHERE namespace_id = ? AND (bucket_id = ? OR bucket_name = ?)",
                        String.class, query.namespaceId(), query.identifier(), query.identifier())
                .stream().findFirst().map(document -> json.read(document, BucketView.class));
    }

    @QueryHandler
    BucketPage handle(ListBucketsQuery query) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM view_bucket WHERE namespace_id = ?", Long.class,
                query.namespaceId());
        var results = jdbc.queryForList("SELECT document FROM view_bucket WHERE namespace_id = ? ORDER BY bucket_name LIMIT ? OFFSET ?",
                String.class, query.namespaceId(), query.limit(), query.offset()).stream()
                .map(document -> json.read(document, BucketView.class)).toList();
        return new BucketPage(results, total == null ? 0 : total);
    }
}
