package com.collectionledger.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON the service keeps for itself: events, the directory, the read model, the built-in
 * extractor catalog. Java's own names (the HTTP API's snake_case never reaches storage), instants
 * as ISO-8601 text, and unknown properties tolerated so that an older reader does not choke on a
 * newer document.
 */
public final class StoredJson {

    private static final ObjectMapper MAPPER = newMapper();

    private StoredJson() {
    }

    /** A mapper of its own with this configuration, for one that configures it further (Axon's serializer). */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw corrupt(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw corrupt(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(e);
        }
    }

    public static JsonNode tree(InputStream json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The value as another type, e.g. a tree as plain maps and lists. */
    public static <T> T convert(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }

    private static IllegalStateException corrupt(JsonProcessingException e) {
        return new IllegalStateException("corrupt stored JSON: " + e.getOriginalMessage(), e);
    }
}
