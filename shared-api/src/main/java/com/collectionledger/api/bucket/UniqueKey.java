package com.collectionledger.api.bucket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mixpeek's UniqueKeyConfig: the schema field(s) whose values identify an object of the bucket, and
 * the default upload policy ({@code insert}, {@code update} or {@code upsert}; may be null). Fixed at creation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniqueKey(List<String> fields, String defaultPolicy) {

    public UniqueKey {
        // A copy that keeps null items: the Bucket rejects them as a 422 at their index.
        fields = fields == null ? null : Collections.unmodifiableList(new ArrayList<>(fields));
    }
}
