package com.collectionledger.service.rest.read;

import com.collectionledger.service.rest.model.CollectionModel;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FeatureExtractorView;
import com.collectionledger.api.query.FindFeatureExtractorQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collection responses: the view, plus what the extractor catalog says about the indexes of its
 * extractor's outputs. The catalog belongs to the command side; it answers over the query bus.
 */
@Component
class CollectionModels {

    private final QueryGateway queries;

    CollectionModels(QueryGateway queries) {
        this.queries = queries;
    }

    CollectionModel of(CollectionView view) {
        return CollectionModel.from(view, extractor(view).orElse(null));
    }

    /** A page of collections, asking the catalog once per extractor. */
    List<CollectionModel> of(List<CollectionView> views) {
        Map<String, Optional<FeatureExtractorView>> extractors = new HashMap<>();
        return views.stream().map(view -> CollectionModel.from(view, extractors
                .computeIfAbsent(view.config().featureExtractor().featureExtractorId(), this::extractor)
                .orElse(null))).toList();
    }

    Optional<FeatureExtractorView> extractor(CollectionView view) {
        return extractor(view.config().featureExtractor().featureExtractorId());
    }

    private Optional<FeatureExtractorView> extractor(String featureExtractorId) {
        return queries.query(new FindFeatureExtractorQuery(featureExtractorId),
                ResponseTypes.optionalInstanceOf(FeatureExtractorView.class)).join();
    }
}
