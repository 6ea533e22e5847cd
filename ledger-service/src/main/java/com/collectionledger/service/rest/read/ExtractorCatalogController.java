package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The feature extractor catalog, served as the data it is kept in. */
@RestController
class ExtractorCatalogController {

    private final ExtractorCatalog catalog;

    ExtractorCatalogController(ExtractorCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/v1/collections/features/extractors")
    List<Map<String, Object>> list() {
        return catalog.all().stream().map(ExtractorDefinition::document).toList();
    }

    @GetMapping("/v1/collections/features/extractors/{featureExtractorId}")
    Map<String, Object> get(@PathVariable String featureExtractorId) {
        return catalog.find(featureExtractorId).map(ExtractorDefinition::document)
                .orElseThrow(() -> LedgerException.notFound("feature extractor", featureExtractorId));
    }
}
