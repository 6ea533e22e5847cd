package com.collectionledger.api.collection;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record CollectionDeleted(String collectionId, String namespaceId, String collectionName, Instant deletedAt) {
}
