package com.collectionledger.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportTest {

    record Stamped(String name, Instant at) {
    }

    @Test
    void storedJsonWritesInstantsAsIsoTextAndToleratesUnknownProperties() {
        Stamped stamped = new Stamped("a", Instant.parse("2026-01-02T03:04:05Z"));

        String json = StoredJson.write(stamped);

        assertThat(json).isEqualTo("{\"name\":\"a\",\"at\":\"2026-01-02T03:04:05Z\"}");
        assertThat(StoredJson.read("{\"name\":\"a\",\"at\":\"2026-01-02T03:04:05Z\",\"newer\":1}", Stamped.class))
                .isEqualTo(stamped);
        assertThat(StoredJson.newMapper()).isNotSameAs(StoredJson.newMapper());
    }

    @Test
    void corruptStoredJsonIsAnIllegalState() {
        assertThatThrownBy(() -> StoredJson.read("{", Map.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("corrupt stored JSON");
    }

    @Test
    void sha256IsLowercaseHexOfTheUtf8Bytes() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(new Sha256().add("a").add("bc".getBytes()).hex()).isEqualTo(Sha256.hex("abc"));
    }
}
