package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/collections/{id}/features}: the features (vector outputs) the collection's extractor produces. */
@RestController
class CollectionFeaturesController {

    /** Mixpeek's DescribeCollectionFeaturesResponse. */
    record DescribeCollectionFeaturesResponse(List<CollectionFeatureDescriptor> features) {
    }

    /** Mixpeek's CollectionFeatureDescriptor; the first vector output of the extractor is its primary one. */
    record CollectionFeatureDescriptor(String featureAddress, String featureExtractorName, String version,
                                       Map<?, ?> vectorIndex, boolean primary) {
    }

    private final QueryGateway queries;
    private final CollectionModels models;

    CollectionFeaturesController(QueryGateway queries, CollectionModels models) {
        this.queries = queries;
        this.models = models;
    }

    @GetMapping("/v1/collections/{identifier}/features")
    DescribeCollectionFeaturesResponse features(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                @PathVariable String identifier) {
        CollectionView view = queries.query(new FindCollectionQuery(namespaceId, identifier),
                        ResponseTypes.optionalInstanceOf(CollectionView.class)).join()
                .orElseThrow(() -> LedgerException.notFound("collection", identifier));
        List<CollectionFeatureDescriptor> features = new ArrayList<>();
        models.extractor(view).ifPresent(extractor -> extractor.collectionVectorIndexes().forEach(index -> {
            if (index.get("index") instanceof Map<?, ?> vectorIndex) {
                features.add(new CollectionFeatureDescriptor(String.valueOf(index.get("feature_uri")),
                        extractor.featureExtractorName(), extractor.version(), vectorIndex, features.isEmpty()));
            }
        }));
        return new DescribeCollectionFeaturesResponse(features);
    }
}
