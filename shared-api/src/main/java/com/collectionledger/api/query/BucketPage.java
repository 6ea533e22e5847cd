package com.collectionledger.api.query;

import java.util.List;

public record BucketPage(List<BucketView> results, long total) {

    public BucketPage {
        results = List.copyOf(results);
    }
}
