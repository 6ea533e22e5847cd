package com.collectionledger.api.query;

import java.util.List;

public record CollectionPage(List<CollectionView> results, long total) {

    public CollectionPage {
        results = List.copyOf(results);
    }
}
