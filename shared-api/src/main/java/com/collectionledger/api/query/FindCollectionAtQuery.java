package com.collectionledger.api.query;

import java.time.Instant;

/**
 * A collection as it was at a version (its sequence number) or at an instant, rebuilt from the
 * event store; exactly one of {@code version} and {@code asOf} is set. Answers an
 * {@code Optional<CollectionView>}: empty when it did not exist yet, or not in this namespace.
 */
public record FindCollectionAtQuery(String namespaceId, String identifier, Long version, Instant asOf) {
}
