package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("2")
public record CollectionCreated(String collectionId, String namespaceId, String collectionName,
                                CollectionConfig config, CollectionSchemas schemas, Instant createdAt) {
}
