package com.collectionledger.api.namespace;

import java.util.Map;

/**
 * Mixpeek's PayloadIndexConfig: an index on one payload field of the namespace's documents.
 * {@code fieldSchema} holds the index type's parameters (e.g. {@code tokenizer} for {@code text}), may be null.
 */
public record PayloadIndex(String fieldName, String type, Map<String, Object> fieldSchema, Boolean isProtected) {
}
