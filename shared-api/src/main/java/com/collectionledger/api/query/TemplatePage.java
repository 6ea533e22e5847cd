package com.collectionledger.api.query;

import java.util.List;

public record TemplatePage(List<TemplateView> results, long total) {

    public TemplatePage {
        results = List.copyOf(results);
    }
}
