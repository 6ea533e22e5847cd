package com.collectionledger.command.collection.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** JsonText writes plain values exactly as Jackson does, so a size limit measures the same bytes. */
class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    static Stream<Object> values() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", Arrays.asList(null, true, false, "x"));
        nested.put("empty", Map.of());
        return Stream.of(
                "plain", "", "quote \" backslash \\ slash /", "\b\t\n\f\r \u0000 \u0001 \u001f \u007f",
                "é ü 漢字 \u2028 😀", "lone \ud800 surrogate",
                0, -17, Long.MAX_VALUE, (short) 3, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1.50"), new BigDecimal("1E+3"), 0.1, 1e21, 1e-7, -0.0, 2.5f,
                Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                true, false, List.of(), List.of(1, "two", List.of(3.0)), new LinkedHashSet<>(List.of("a", "b")),
                nested, Map.of("k\n", Map.of("inner", List.of(Map.of("deep", "value")))));
    }

    @ParameterizedTest
    @MethodSource("values")
    void writesWhatJacksonWrites(Object value) throws Exception {
        assertThat(JsonText.of(value)).contains(JACKSON.writeValueAsString(value));
    }

    @Test
    void nullIsTheJsonNull() {
        assertThat(JsonText.of(null)).contains("null");
    }

    @Test
    void aValueThatIsNoJsonValueHasNoText() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);

        assertThat(JsonText.of(Map.of("k", new Object()))).isEmpty();
        assertThat(JsonText.of(List.of(nullKey))).isEmpty();
    }
}
