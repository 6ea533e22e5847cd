package com.collectionledger.example;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How a process on the ledger's bus serializes messages: as the ledger does, with Axon's
 * JacksonSerializer over a mapper that writes Java's own field names (never an HTTP naming strategy),
 * instants as ISO-8601 text, and ignores unknown properties, so that a newer ledger's messages still
 * read. Only needed when messages leave the process (Axon Server); a local bus passes objects.
 */
public final class LedgerSerializer {

    private LedgerSerializer() {
    }

    /** For Axon's configurer: {@code configureMessageSerializer(c -> LedgerSerializer.jackson())}. */
    public static JacksonSerializer jackson() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }

    /**
     * A new mapper configured as the ledger's: for Spring Boot, the {@code defaultAxonObjectMapper} bean
     * that Axon's {@code axon.serializer.messages=jackson} then uses. A new one each time, because Axon
     * registers modules of its own on it.
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
