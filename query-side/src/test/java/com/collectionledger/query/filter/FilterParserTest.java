package com.collectionledger.query.filter;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Violation> violations = new ArrayList<>();

    private ListFilter parse(String json) {
        return parse(json, false);
    }

    private ListFilter parse(String json, boolean caseSensitive) {
        try {
            JsonNode node = json == null ? MissingNode.getInstance() : JSON.readTree(json.replace('\'', '"'));
            return FilterParser.parse(node, ListFields.COLLECTIONS, caseSensitive, violations);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> onlyViolationAt() {
        assertThat(violations).hasSize(1);
        return violations.get(0).location();
    }

    @Test
    void noFiltersIsAnEmptyGroup() {
        assertThat(parse(null)).isEqualTo(ListFilter.none());
        assertThat(parse("null")).isEqualTo(ListFilter.none());
        assertThat(parse("{}")).isEqualTo(new Group(Logic.AND, List.of()));
        assertThat(violations).isEmpty();
    }

    @Test
    void conditionsGroupsAndShorthandsMixAndNest() {
        ListFilter filter = parse("""
                {'AND': [{'field': 'collection_name', 'operator': 'starts_with', 'value': 'a'},
                         {'OR': [{'field': 'enabled', 'value': false}, {'NOT': [{'field': 'source_type', 'value': 'bucket'}]}]}],
                 'metadata.team': 'search',
                 'lineage.generation': {'$gte': 1, '$lt': 3}}""");

        assertThat(violations).isEmpty();
        assertThat(filter).isEqualTo(new Group(Logic.AND, List.of(
                new Group(Logic.AND, List.of(
                        new Condition("collection_name", Operator.STARTS_WITH, "a", false),
                        new Group(Logic.OR, List.of(
                                new Condition("enabled", Operator.EQ, false, false),
                                new Group(Logic.NOT, List.of(new Condition("source.type", Operator.EQ, "bucket", false))))))),
                new Condition("metadata.team", Operator.EQ, "search", false),
                new Group(Logic.AND, List.of(new Condition("lineage.generation", Operator.GTE, 1L, false),
                        new Condition("lineage.generation", Operator.LT, 3L, false))))));
    }

    @Test
    void equalToNullMeansTheFieldHasNoValue() {
        assertThat(parse("{'description': null}")).isEqualTo(new Condition("description", Operator.IS_NULL, true, false));
        assertThat(parse("{'AND': [{'field': 'description', 'operator': 'ne', 'value': null}]}"))
                .isEqualTo(new Group(Logic.AND, List.of(new Condition("description", Operator.IS_NULL, false, false))));
    }

    @Test
    void caseSensitivityComesFromTheRequestUnlessAGroupSaysOtherwise() {
        assertThat(parse("{'collection_name': 'a'}", true)).isEqualTo(new Condition("collection_name", Operator.EQ, "a", true));
        assertThat(parse("{'case_sensitive': false, 'collection_name': 'a'}", true))
                .isEqualTo(new Condition("collection_name", Operator.EQ, "a", false));
        assertThat(parse("{'OR': [{'case_sensitive': true, 'collection_name': 'a'}, {'collection_name': 'b'}]}"))
                .isEqualTo(new Group(Logic.OR, List.of(new Condition("collection_name", Operator.EQ, "a", true),
                        new Condition("collection_name", Operator.EQ, "b", false))));
    }

    @Test
    void valuesAreCheckedAgainstTheFieldsType() {
        assertThat(parse("{'metadata.level': {'$in': [1, 'two', true]}}"))
                .isEqualTo(new Condition("metadata.level", Operator.IN, List.of(1.0, "two", true), false));
        assertThat(parse("{'created_at': {'$gt': '2026-01-31'}}"))
                .isEqualTo(new Condition("created_at", Operator.GT, "2026-01-31", false));
        assertThat(violations).isEmpty();

        parse("{'lineage.generation': 1.5}");
        assertThat(onlyViolationAt()).containsExactly("filters", "lineage.generation");
        violations.clear();
        parse("{'metadata.level': 1e400}");
        assertThat(onlyViolationAt()).containsExactly("filters", "metadata.level");
    }

    @Test
    void eachMistakeIsOneViolationAtItsLocation() {
        record Case(String filters, List<String> location) {
        }
        for (Case c : List.of(
                new Case("[]", List.of("filters")),
                new Case("{'AND': {}}", List.of("filters", "AND")),
                new Case("{'AND': [1]}", List.of("filters", "AND", "0")),
                new Case("{'AND': [{'field': 'nope', 'value': 1}]}", List.of("filters", "AND", "0", "field")),
                new Case("{'AND': [{'field': 'enabled', 'operator': 'EQ', 'value': true}]}",
                        List.of("filters", "AND", "0", "operator")),
                new Case("{'AND': [{'field': 'enabled', 'operator': 'eq'}]}", List.of("filters", "AND", "0", "value")),
                new Case("{'AND': [{'field': 'enabled', 'value': true, 'extra': 1}]}",
                        List.of("filters", "AND", "0", "extra")),
                new Case("{'AND': [{'field': 'collection_name', 'operator': 'in', 'value': 'a'}]}",
                        List.of("filters", "AND", "0", "value")),
                new Case("{'AND': [{'field': 'collection_name', 'operator': 'nin', 'value': ['a', 1]}]}",
                        List.of("filters", "AND", "0", "value", "1")),
                new Case("{'AND': [{'field': 'enabled', 'operator': 'regex', 'value': 'a'}]}",
                        List.of("filters", "AND", "0", "operator")),
                new Case("{'AND': [{'field': 'collection_name', 'operator': 'regex', 'value': '(?i)a'}]}",
                        List.of("filters", "AND", "0", "value")),
                new Case("{'AND': [{'field': 'description', 'operator': 'is_null', 'value': 'yes'}]}",
                        List.of("filters", "AND", "0", "value")),
                new Case("{'collection_name': {'type': 'dynamic', 'field': 'inputs.x'}}",
                        List.of("filters", "collection_name")),
                new Case("{'collection_name': {}}", List.of("filters", "collection_name")),
                new Case("{'collection_name': {'$eq': 'a', 'like': 'b'}}", List.of("filters", "collection_name", "like")),
                new Case("{'source.bucket_ids': ['a']}", List.of("filters", "source.bucket_ids")),
                new Case("{'metadata.': 'a'}", List.of("filters", "metadata.")),
                new Case("{'metadata.x': {'$gt': false}}", List.of("filters", "metadata.x", "$gt")),
                new Case("{'OR': [{'case_sensitive': 1}]}", List.of("filters", "OR", "0", "case_sensitive")),
                new Case("{'collection_name': 'a\\u0000'}", List.of("filters", "collection_name")))) {
            violations.clear();
            parse(c.filters());
            assertThat(violations).as(c.filters()).hasSize(1);
            assertThat(violations.get(0).location()).as(c.filters()).isEqualTo(c.location());
        }
    }

    @Test
    void depthConditionsAndListsAreCapped() {
        String deep = "{'collection_name': 'a'}";
        for (int i = 1; i < FilterParser.MAX_DEPTH; i++) {
            deep = "{'AND': [" + deep + "]}";
        }
        parse(deep);
        assertThat(violations).isEmpty();
        parse("{'OR': [" + deep + "]}");
        assertThat(onlyViolationAt()).hasSize(1 + 2 * FilterParser.MAX_DEPTH);

        violations.clear();
        StringBuilder many = new StringBuilder("{'AND': [");
        for (int i = 0; i <= FilterParser.MAX_CONDITIONS + 5; i++) {
            many.append(i == 0 ? "" : ", ").append("{'collection_name': 'n").append(i).append("'}");
        }
        parse(many.append("]}").toString());
        assertThat(onlyViolationAt()).containsExactly("filters", "AND", String.valueOf(FilterParser.MAX_CONDITIONS),
                "collection_name");

        violations.clear();
        String values = "'v', ".repeat(FilterParser.MAX_LIST_VALUES);
        parse("{'collection_name': {'$in': [" + values + "'w']}}");
        assertThat(onlyViolationAt()).containsExactly("filters", "collection_name", "$in");
    }
}
