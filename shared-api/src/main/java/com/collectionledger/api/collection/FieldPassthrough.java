package com.collectionledger.api.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Copies a source field into the output. The output name is {@code targetPath}, or the last
 * component of the dotted {@code sourcePath}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldPassthrough(String sourcePath, String targetPath,
                               @JsonProperty("default") Object defaultValue, Boolean required) {

    public String outputName() {
        if (targetPath != null && !targetPath.isBlank()) {
            return targetPath;
        }
        return sourcePath.substring(sourcePath.lastIndexOf('.') + 1);
    }
}
