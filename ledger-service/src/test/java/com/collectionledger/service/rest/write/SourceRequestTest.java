package com.collectionledger.service.rest.write;

import com.collectionledger.api.collection.SourceConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A source's bucket_id is taken as a one-item bucket_ids (the seed's video_frames request sends bucket_id). */
class SourceRequestTest {

    @Test
    void bucketIdBecomesAOneItemBucketIds() {
        CollectionRequests.SourceRequest request =
                new CollectionRequests.SourceRequest("bucket", null, "bkt_mktvideos1", null, null, null);

        assertThat(request.toConfig()).isEqualTo(SourceConfig.buckets(List.of("bkt_mktvideos1")));
    }

    @Test
    void bucketIdIsUsedWhenBucketIdsIsEmpty() {
        assertThat(new CollectionRequests.SourceRequest("bucket", List.of(), "bkt_mktvideos1", null, null, null)
                .toConfig().bucketIds()).containsExactly("bkt_mktvideos1");
    }

    @Test
    void bucketIdsWinOverBucketId() {
        assertThat(new CollectionRequests.SourceRequest("bucket", List.of("bkt_a", "bkt_b"), "bkt_c", null, null,
                null).toConfig().bucketIds()).containsExactly("bkt_a", "bkt_b");
    }

    @Test
    void collectionSourceIsPassedThrough() {
        assertThat(new CollectionRequests.SourceRequest("collection", null, null, "col_vframes001", null, null)
                .toConfig()).isEqualTo(SourceConfig.collection("col_vframes001"));
    }

    @Test
    void absentSourceStaysAbsent() {
        assertThat(CollectionRequests.SourceRequest.toConfig(null)).isNull();
    }
}
