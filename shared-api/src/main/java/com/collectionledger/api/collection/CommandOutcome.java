package com.collectionledger.api.collection;

/** What a collection command answers: which aggregate it changed and the version it is at now. */
public record CommandOutcome(String collectionId, long version) {
}
