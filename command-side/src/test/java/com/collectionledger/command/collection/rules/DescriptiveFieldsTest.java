package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.api.error.Violation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The static checks that create, clone, PATCH, buckets and namespaces share. */
class DescriptiveFieldsTest {

    private final List<Violation> violations = new ArrayList<>();

    private List<List<String>> locations() {
        return violations.stream().map(Violation::location).toList();
    }

    @Test
    void limitsAreThoseOfTheSpec() {
        assertThat(DescriptiveFields.MAX_DESCRIPTION).isEqualTo(2_000);
        assertThat(DescriptiveFields.MAX_METADATA_BYTES).isEqualTo(16_384);
    }

    @Test
    void descriptionCheckAcceptsNullAndTheLimitAndRejectsOneMore() {
        DescriptiveFields.checkDescription(null, violations);
        DescriptiveFields.checkDescription("d".repeat(2_000), violations);
        assertThat(violations).isEmpty();

        DescriptiveFields.checkDescription("d".repeat(2_001), violations);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("description");
            assertThat(v.type()).isEqualTo("string_too_long");
        });
    }

    @Test
    void metadataCheckMeasuresTheSerializedJson() {
        // {"k":"..."} = 8 bytes + value
        DescriptiveFields.checkMetadata(Map.of("k", "v".repeat(16_384 - 8)), violations);
        assertThat(violations).isEmpty();

        DescriptiveFields.checkMetadata(Map.of("k", "v".repeat(16_384 - 7)), violations);
        assertThat(locations()).containsExactly(List.of("metadata"));
        assertThat(violations.get(0).message()).contains("16385 bytes");
    }

    @Test
    void metadataThatIsNoJsonIsRejected() {
        DescriptiveFields.checkMetadata(Map.of("k", new Object()), violations);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("metadata");
            assertThat(v.message()).isEqualTo("metadata must be a JSON object");
        });
    }

    @Test
    void metadataCheckAcceptsNull() {
        DescriptiveFields.checkMetadata(null, violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void taxonomyCheckReportsEachBrokenFieldAtItsIndex() {
        DescriptiveFields.checkTaxonomies(Arrays.asList(
                new TaxonomyApplication("tax_ok", "materialize", null, 2, 500),
                null,
                new TaxonomyApplication(null, "later", null, 0, -1)), violations);

        assertThat(locations()).containsExactlyInAnyOrder(
                List.of("taxonomy_applications", "1"),
                List.of("taxonomy_applications", "2", "taxonomy_id"),
                List.of("taxonomy_applications", "2", "execution_mode"),
                List.of("taxonomy_applications", "2", "execution_phase"),
                List.of("taxonomy_applications", "2", "priority"));
    }
}
