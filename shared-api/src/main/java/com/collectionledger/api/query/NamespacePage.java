package com.collectionledger.api.query;

import java.util.List;

public record NamespacePage(List<NamespaceView> results, long total) {

    public NamespacePage {
        results = List.copyOf(results);
    }
}
