package com.collectionledger.api.bucket;

import com.collectionledger.api.schema.ObjectSchema;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A PATCH or PUT took effect: the new value of every changeable field, and the names of those that changed. */
@Revision("1")
public record BucketUpdated(String bucketId, String namespaceId, List<String> changedFields, String bucketName,
                            String description, ObjectSchema bucketSchema, Map<String, Object> metadata,
                            Instant updatedAt) {

    public BucketUpdated {
        changedFields = List.copyOf(changedFields);
    }
}
