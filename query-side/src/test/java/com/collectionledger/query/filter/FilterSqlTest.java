package com.collectionledger.query.filter;

import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterSqlTest {

    private final List<Object> args = new ArrayList<>();

    private String sql(ListFilter filter, SqlDialect dialect) {
        args.clear();
        String sql = new FilterSql(ListFields.COLLECTIONS, dialect, args).of(filter);
        assertThat(sql.chars().filter(c -> c == '?').count()).as(sql).isEqualTo(args.size());
        return sql;
    }

    private String sql(ListFilter filter) {
        return sql(filter, SqlDialect.POSTGRESQL);
    }

    @Test
    void valuesAreBoundNeverWrittenIntoTheSql() {
        String hostile = "x' OR '1'='1'; DROP TABLE view_collection; --";
        for (Operator operator : List.of(Operator.EQ, Operator.NE, Operator.GT, Operator.CONTAINS, Operator.STARTS_WITH,
                Operator.ENDS_WITH, Operator.REGEX, Operator.TEXT)) {
            for (String field : List.of("collection_name", "source.bucket_ids", "metadata.team")) {
                for (SqlDialect dialect : SqlDialect.values()) {
                    String sql = sql(new Condition(field, operator, hostile, true), dialect);
                    assertThat(sql).as(field + " " + operator).doesNotContain("DROP").doesNotContain("'1'");
                    assertThat(args).as(field + " " + operator).isNotEmpty();
                }
            }
        }
        String in = sql(new Condition("metadata.team", Operator.IN, List.of(hostile, 3.0, true), false));
        assertThat(in).doesNotContain("DROP");
        assertThat(args).contains("metadata.team", FilterValues.lower(hostile), 3.0, true);
    }

    @Test
    void columnsCompareInTwoValuedLogic() {
        assertThat(sql(new Condition("description", Operator.NE, "a", false)))
                .isEqualTo("NOT (LOWER(t.description) = LOWER(?) AND t.description IS NOT NULL)");
        assertThat(sql(new Condition("description", Operator.EQ, "a", true)))
                .isEqualTo("(t.description = ? AND t.description IS NOT NULL)");
        assertThat(sql(new Condition("description", Operator.EXISTS, false, false))).isEqualTo("t.description IS NULL");
        assertThat(sql(new Condition("collection_name", Operator.IN, List.of(), false))).isEqualTo("1 = 0");
        assertThat(sql(new Condition("collection_name", Operator.NIN, List.of("a", "b"), false)))
                .isEqualTo("NOT (LOWER(t.collection_name) IN (LOWER(?), LOWER(?)) AND t.collection_name IS NOT NULL)");
        assertThat(sql(new Condition("collection_name", Operator.CONTAINS, "50%_off", true)))
                .isEqualTo("(t.collection_name LIKE ? ESCAPE '\\' AND t.collection_name IS NOT NULL)");
        assertThat(args).containsExactly("%50\\%\\_off%");
        assertThat(sql(new Condition("feature_extractor_id", Operator.EQ, "Text_Extractor_V1", false)))
                .as("catalog IDs are stored lower-case, and the comparison is not wrapped: the column's index serves it")
                .isEqualTo("(t.feature_extractor_id = LOWER(?) AND t.feature_extractor_id IS NOT NULL)");
    }

    @Test
    void typedColumnsGetTypedParameters() {
        sql(new Condition("generation", Operator.GT, 1L, false));
        assertThat(args).containsExactly(1L);
        sql(new Condition("created_at", Operator.LT, "2026-01-31T12:00:00.123456789+01:00", false));
        assertThat(args).containsExactly(Timestamp.from(java.time.Instant.parse("2026-01-31T11:00:00.123456Z")));
    }

    @Test
    void listAndNestedFieldsAreAnyValueInTheIndex() {
        String exists = "EXISTS (SELECT 1 FROM view_field_value f WHERE f.owner_id = t.collection_id AND f.path = ?";
        assertThat(sql(new Condition("source.bucket_ids", Operator.EQ, "BKT_1", false)))
                .isEqualTo(exists + " AND f.text_key = ?)");
        assertThat(args).containsExactly("source.bucket_ids", "bkt_1");
        assertThat(sql(new Condition("source.bucket_ids", Operator.NIN, List.of("a"), true)))
                .isEqualTo("NOT " + exists + " AND ((f.text_key IN (?) AND f.text_value IN (?))))");
        assertThat(sql(new Condition("metadata.level", Operator.GTE, 2.0, false)))
                .isEqualTo(exists + " AND f.number_value >= ?)");
        assertThat(sql(new Condition("taxonomy_applications.taxonomy_id", Operator.IS_NULL, true, false)))
                .isEqualTo("NOT " + exists + ")");
    }

    @Test
    void aValueIgnoringCaseShorterThanAnyCutKeyIsDecidedByTheKeyAlone() {
        String exists = "EXISTS (SELECT 1 FROM view_field_value f WHERE f.owner_id = t.collection_id AND f.path = ?";
        String shortest = "B".repeat(FilterValues.KEY_LENGTH - 2);
        assertThat(sql(new Condition("metadata.note", Operator.EQ, shortest, false))).isEqualTo(exists + " AND f.text_key = ?)");
        assertThat(sql(new Condition("metadata.note", Operator.IN, List.of("x", shortest), false)))
                .isEqualTo(exists + " AND (f.text_key IN (?, ?)))");
        // A key of 199 or 200 characters may be the cut start of a longer value: the whole value decides.
        String cutLength = "B".repeat(FilterValues.KEY_LENGTH - 1);
        assertThat(sql(new Condition("metadata.note", Operator.EQ, cutLength, false)))
                .isEqualTo(exists + " AND f.text_key = ? AND f.text_lower = ?)");
        assertThat(sql(new Condition("metadata.note", Operator.IN, List.of("x", cutLength), false)))
                .isEqualTo(exists + " AND ((f.text_key IN (?, ?) AND f.text_lower IN (?, ?))))");
    }

    @Test
    void theIndexKeyOfALongValueIsItsStart() {
        String longValue = "A".repeat(300);
        sql(new Condition("metadata.note", Operator.EQ, longValue, true));
        assertThat(args).containsExactly("metadata.note", "a".repeat(FilterValues.KEY_LENGTH), longValue);
        sql(new Condition("metadata.note", Operator.EQ, longValue, false));
        assertThat(args).containsExactly("metadata.note", "a".repeat(FilterValues.KEY_LENGTH), "a".repeat(300));
        assertThat(FilterValues.key("x".repeat(199) + "😀")).hasSize(199);
    }

    @Test
    void groupsAndTheirEmptyForms() {
        Condition a = new Condition("enabled", Operator.EQ, true, false);
        Condition b = new Condition("generation", Operator.EQ, 0L, false);
        assertThat(sql(new Group(Logic.NOT, List.of(a, b))))
                .isEqualTo("NOT ((t.enabled = ? AND t.enabled IS NOT NULL) OR (t.generation = ? AND t.generation IS NOT NULL))");
        assertThat(sql(new Group(Logic.OR, List.of(a, new Group(Logic.AND, List.of(a, b))))))
                .isEqualTo("((t.enabled = ? AND t.enabled IS NOT NULL) OR ((t.enabled = ? AND t.enabled IS NOT NULL)"
                        + " AND (t.generation = ? AND t.generation IS NOT NULL)))");
        assertThat(sql(ListFilter.none())).isEqualTo("1 = 1");
        assertThat(sql(new Group(Logic.OR, List.of()))).isEqualTo("1 = 1");
    }

    @Test
    void regexIsSpelledPerStore() {
        assertThat(sql(new Condition("collection_name", Operator.REGEX, "^a", false), SqlDialect.POSTGRESQL))
                .isEqualTo("COALESCE(t.collection_name ~* ?, FALSE)");
        assertThat(sql(new Condition("collection_name", Operator.REGEX, "^a", true), SqlDialect.H2))
                .isEqualTo("COALESCE(ledger_regex_matches(t.collection_name, ?, ?), FALSE)");
        assertThat(args).containsExactly("^a", true);
    }
}
