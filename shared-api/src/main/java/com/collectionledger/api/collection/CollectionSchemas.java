package com.collectionledger.api.collection;

import com.collectionledger.api.schema.ObjectSchema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What the service derives from a configuration: the input and output schemas, each source
 * bucket's schema (multi-bucket sources only) and the processing lineage, root first.
 */
public record CollectionSchemas(ObjectSchema inputSchema, ObjectSchema outputSchema,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ObjectSchema> sourceBucketSchemas,
                                List<SourceLineageEntry> sourceLineage) {

    public CollectionSchemas {
        sourceLineage = sourceLineage == null ? List.of() : List.copyOf(sourceLineage);
    }
}
