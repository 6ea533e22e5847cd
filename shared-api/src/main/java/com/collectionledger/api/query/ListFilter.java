package com.collectionledger.api.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Locale;

/**
 * The {@code filters} of a list request, checked: Mixpeek's LogicalOperator (groups of AND, OR, NOT)
 * over FilterConditions. A field is a dotted path of the listed resource, e.g.
 * {@code source.bucket_ids} or {@code metadata.team}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = ListFilter.Group.class, name = "group"),
        @JsonSubTypes.Type(value = ListFilter.Condition.class, name = "condition")})
public sealed interface ListFilter {

    /** No constraint. */
    static ListFilter none() {
        return new Group(Logic.AND, List.of());
    }

    /** AND: every child holds; OR: at least one does; NOT: none does. An empty group constrains nothing. */
    record Group(Logic logic, List<ListFilter> children) implements ListFilter {

        public Group {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /**
     * {@code value} is a JSON scalar (string, number, boolean), a list of them for {@code in} and
     * {@code nin}, or a boolean for {@code exists} and {@code is_null}. On a field with several values
     * (a list, such as {@code source.bucket_ids}) a condition holds when one of them matches.
     */
    record Condition(String field, Operator operator, Object value, boolean caseSensitive) implements ListFilter {
    }

    enum Logic { AND, OR, NOT }

    /** Mixpeek's FilterOperator. */
    enum Operator {
        EQ, NE, GT, LT, GTE, LTE, IN, NIN, CONTAINS, STARTS_WITH, ENDS_WITH, REGEX, EXISTS, IS_NULL, TEXT;

        /** The name on the wire: {@code eq}, {@code starts_with}, ... */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
