package com.collectionledger.api.query;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.Lineage;

import java.time.Instant;

/** A live collection as the read model holds it. {@code version} is the aggregate's sequence number. */
public record CollectionView(String collectionId, String namespaceId, String collectionName, CollectionConfig config,
                             CollectionSchemas schemas, Lineage lineage, long version, Instant createdAt,
                             Instant updatedAt) {
}
