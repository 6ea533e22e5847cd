package com.collectionledger.command.domain;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A.b-c_9", "col", "xcol_abc"})
    void validNamesHaveNoViolation(String name) {
        assertThat(Names.check("collection_name", name, "col_")).isEmpty();
    }

    @Test
    void theLengthLimitsAreThreeAndOneHundred() {
        assertThat(Names.check("bucket_name", "x".repeat(100), "bkt_")).isEmpty();
        assertThat(Names.check("bucket_name", "x".repeat(101), "bkt_")).isPresent();
        assertThat(Names.check("bucket_name", "xx", "bkt_")).isPresent();
    }

    @Test
    void violationNamesTheFieldAndItsKind() {
        assertThat(Names.check("bucket_name", null, "bkt_")).contains(
                Violation.at("bucket_name is required", "missing", "bucket_name"));
        assertThat(Names.check("bucket_name", "a b c", "bkt_").orElseThrow().type())
                .isEqualTo("string_pattern_mismatch");
        assertThat(Names.check("bucket_name", "bkt_abc", "bkt_").orElseThrow().type()).isEqualTo("value_error");
    }

    @Test
    void everyControlCharacterIsRejected() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(Names.check("namespace_name", "ab" + c + "cd", "ns_")).as("char %d", (int) c).isPresent();
        }
        assertThat(Names.check("namespace_name", "ab\u007fcd", "ns_")).isPresent();
    }

    @Test
    void requireThrowsAValidationDomainException() {
        assertThatThrownBy(() -> Names.require("collection_name", "col_x", "col_"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.VALIDATION);
                    assertThat(e.error().violations()).singleElement()
                            .satisfies(v -> assertThat(v.location()).containsExactly("collection_name"));
                });
    }
}
