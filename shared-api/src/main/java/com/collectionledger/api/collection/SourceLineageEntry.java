package com.collectionledger.api.collection;

import com.collectionledger.api.schema.ObjectSchema;

/**
 * One processing tier of a collection's pipeline, root first: where the tier reads from, the one
 * extractor it applies, and the schema it produces. A collection's own tier is the last entry.
 */
public record SourceLineageEntry(SourceConfig sourceConfig, FeatureExtractorConfig featureExtractor,
                                 ObjectSchema outputSchema) {
}
