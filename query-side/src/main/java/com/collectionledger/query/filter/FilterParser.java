package com.collectionledger.query.filter;

import com.collectionledger.api.error.Violation;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListFilter.Condition;
import com.collectionledger.api.query.ListFilter.Group;
import com.collectionledger.api.query.ListFilter.Logic;
import com.collectionledger.api.query.ListFilter.Operator;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code filters} of a list request into a {@link ListFilter}, checking each field,
 * operator and value against the resource's {@link ListFields}. Accepted forms, as Mixpeek's
 * LogicalOperator has them, mixed freely and nested:
 * <ul>
 * <li>{@code {"AND"|"OR"|"NOT": [condition or group, ...], "case_sensitive": bool}};</li>
 * <li>a condition {@code {"field": "source.bucket_ids", "operator": "eq", "value": "bkt_1"}}
 * ({@code operator} defaults to {@code eq});</li>
 * <li>the shorthand {@code {"collection_name": "x"}} (equality) and {@code {"namespace_name":
 * {"$regex": "^my_"}}} ({@code $} and any operator).</li>
 * </ul>
 * What it cannot read is a violation at the location of the offending part within the list request,
 * e.g. {@code [filters, AND, 0, operator]}.
 */
public final class FilterParser {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_CONDITIONS = 100;
    public static final int MAX_LIST_VALUES = 1000;
    /** No stored string holds U+0000, and PostgreSQL cannot even compare text with it. */
    public static final String NUL_MESSAGE = "must not contain NUL (U+0000) characters";

    private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value");
    private static final String OPERATORS = String.join(", ",
            Arrays.stream(Operator.values()).map(Operator::wireName).toList());
    private static final String DYNAMIC = "dynamic values are resolved when a retriever runs; a list filter "
            + "needs a literal value";

    private final ListFields<?> fields;
    private final List<Violation> violations;
    private int conditions;

    private FilterParser(ListFields<?> fields, List<Violation> violations) {
        this.fields = fields;
        this.violations = violations;
    }

    /**
     * The filter, or (with {@code violations} added) the part of it that could be read. Strings compare
     * with their case when {@code caseSensitive}, unless a group's own {@code case_sensitive} says otherwise.
     */
    public static ListFilter parse(JsonNode filters, ListFields<?> fields, boolean caseSensitive,
                                   List<Violation> violations) {
        if (filters.isMissingNode() || filters.isNull()) {
            return ListFilter.none();
        }
        return new FilterParser(fields, violations).node(filters, caseSensitive, 1, List.of("filters"));
    }

    public static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** A condition (an object with {@code field}) or a group at {@code depth} (the filters object is 1). */
    private ListFilter node(JsonNode node, boolean caseSensitive, int depth, List<String> at) {
        if (!node.isObject()) {
            return invalid(at, "must be a condition {field, operator, value} or a group {AND|OR|NOT: [...]}",
                    "type_error");
        }
        if (node.has("field")) {
            return condition(node, caseSensitive, at);
        }
        if (depth > MAX_DEPTH) {
            return invalid(at, "filters nest at most " + MAX_DEPTH + " groups deep", "value_error");
        }
        JsonNode flag = node.path("case_sensitive");
        boolean groupCase = caseSensitive;
        if (flag.isBoolean()) {
            groupCase = flag.booleanValue();
        } else if (!flag.isMissingNode() && !flag.isNull()) {
            invalid(with(at, "case_sensitive"), "case_sensitive must be a boolean", "type_error");
        }
        List<ListFilter> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "case_sensitive" -> {
                }
                case "AND", "OR", "NOT" -> {
                    if (value.isNull()) {
                        continue;
                    }
                    List<String> listAt = with(at, key);
                    if (!value.isArray()) {
                        invalid(listAt, key + " must be a list of conditions and groups", "type_error");
                        continue;
                    }
                    List<ListFilter> children = new ArrayList<>();
                    for (int i = 0; i < value.size(); i++) {
                        children.add(node(value.get(i), groupCase, depth + 1, with(listAt, String.valueOf(i))));
                    }
                    all.add(new Group(Logic.valueOf(key), children));
                }
                default -> all.add(shorthand(key, value, groupCase, with(at, key)));
            }
        }
        return all.size() == 1 ? all.get(0) : new Group(Logic.AND, all);
    }

    private ListFilter condition(JsonNode node, boolean caseSensitive, List<String> at) {
        node.fieldNames().forEachRemaining(key -> {
            if (!CONDITION_KEYS.contains(key)) {
                invalid(with(at, key), "'" + key + "' is not part of a condition; a condition has field, operator "
                        + "and value", "extra_forbidden");
            }
        });
        ListField field = field(node.get("field"), with(at, "field"));
        JsonNode operatorNode = node.path("operator");
        Operator operator = Operator.EQ;
        if (!operatorNode.isMissingNode() && !operatorNode.isNull()) {
            operator = operatorNode.isTextual() ? operatorNamed(operatorNode.asText()) : null;
            if (operator == null) {
                return invalid(with(at, "operator"), "operator must be one of " + OPERATORS, "enum");
            }
        }
        if (!node.has("value")) {
            return invalid(with(at, "value"), "value is required", "missing");
        }
        if (field == null) {
            return ListFilter.none();
        }
        return condition(field, operator, node.get("value"), caseSensitive, with(at, "operator"), with(at, "value"));
    }

    /** {@code "field": value} (equality) or {@code "field": {"$operator": value, ...}} (all of them). */
    private ListFilter shorthand(String name, JsonNode value, boolean caseSensitive, List<String> at) {
        ListField field = field(name, at);
        if (field == null) {
            return ListFilter.none();
        }
        if (value.isArray()) {
            return invalid(at, "a list needs an operator: {\"" + name + "\": {\"$in\": [...]}}", "type_error");
        }
        if (!value.isObject()) {
            return condition(field, Operator.EQ, value, caseSensitive, at, at);
        }
        if (isDynamic(value)) {
            return invalid(at, DYNAMIC, "value_error");
        }
        if (value.isEmpty()) {
            return invalid(at, "an operator object needs at least one {\"$operator\": value}", "value_error");
        }
        List<ListFilter> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> operatorAt = with(at, entry.getKey());
            Operator operator = entry.getKey().startsWith("$") ? operatorNamed(entry.getKey().substring(1)) : null;
            if (operator == null) {
                all.add(invalid(operatorAt, "'" + entry.getKey() + "' is not an operator; use one of $"
                        + OPERATORS.replace(", ", ", $"), "enum"));
            } else {
                all.add(condition(field, operator, entry.getValue(), caseSensitive, operatorAt, operatorAt));
            }
        }
        return all.size() == 1 ? all.get(0) : new Group(Logic.AND, all);
    }

    private ListField field(JsonNode name, List<String> at) {
        if (name == null || !name.isTextual()) {
            invalid(at, "field must be a string", "type_error");
            return null;
        }
        return field(name.asText(), at);
    }

    private ListField field(String name, List<String> at) {
        if (hasNul(name)) {
            invalid(at, "field " + NUL_MESSAGE, "value_error");
            return null;
        }
        ListField field = fields.resolve(name).orElse(null);
        if (field == null) {
            invalid(at, "'" + name + "' is not a filter field of " + fields.resource() + "; use one of "
                    + String.join(", ", fields.names()), "enum");
        }
        return field;
    }

    private static Operator operatorNamed(String name) {
        for (Operator operator : Operator.values()) {
            if (operator.wireName().equals(name)) {
                return operator;
            }
        }
        return null;
    }

    /** The condition, with its value checked against the field and the operator. */
    private ListFilter condition(ListField field, Operator operator, JsonNode value, boolean caseSensitive,
                                 List<String> operatorAt, List<String> valueAt) {
        if (++conditions > MAX_CONDITIONS) {
            return conditions == MAX_CONDITIONS + 1
                    ? invalid(valueAt, "filters hold at most " + MAX_CONDITIONS + " conditions", "value_error")
                    : ListFilter.none();
        }
        if ((operator == Operator.EQ || operator == Operator.NE) && value.isNull()) {
            // Equal to null: the field has no value (missing or null), as in Mixpeek's MongoDB.
            return new Condition(field.name(), Operator.IS_NULL, operator == Operator.EQ, caseSensitive);
        }
        Object checked = switch (operator) {
            case EXISTS, IS_NULL -> value.isBoolean() ? value.booleanValue()
                    : fail(valueAt, operator.wireName() + " needs true or false", "type_error");
            case IN, NIN -> list(field, operator, value, valueAt);
            case CONTAINS, STARTS_WITH, ENDS_WITH, TEXT, REGEX -> text(field, operator, value, operatorAt, valueAt);
            case GT, GTE, LT, LTE -> field.type() == FieldType.BOOLEAN || (field.type() == FieldType.ANY && value.isBoolean())
                    ? fail(operatorAt, operator.wireName() + " does not compare booleans", "value_error")
                    : scalar(field, value, valueAt);
            case EQ, NE -> scalar(field, value, valueAt);
        };
        return checked == INVALID ? ListFilter.none() : new Condition(field.name(), operator, checked, caseSensitive);
    }

    private static final Object INVALID = new Object();

    private Object list(ListField field, Operator operator, JsonNode value, List<String> at) {
        if (!value.isArray()) {
            return fail(at, operator.wireName() + " needs a list of values", "type_error");
        }
        if (value.size() > MAX_LIST_VALUES) {
            return fail(at, operator.wireName() + " takes at most " + MAX_LIST_VALUES + " values", "value_error");
        }
        List<Object> values = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            Object item = value.get(i).isNull()
                    ? fail(with(at, String.valueOf(i)), "a list of values holds no null; use is_null", "type_error")
                    : scalar(field, value.get(i), with(at, String.valueOf(i)));
            valid &= item != INVALID;
            values.add(item);
        }
        return valid ? values : INVALID;
    }

    private Object text(ListField field, Operator operator, JsonNode value, List<String> operatorAt, List<String> at) {
        if (field.type() != FieldType.STRING && field.type() != FieldType.ANY) {
            return fail(operatorAt, operator.wireName() + " applies to text; '" + field.name() + "' is "
                    + field.type().inWords(), "value_error");
        }
        if (!value.isTextual()) {
            return fail(at, operator.wireName() + " needs a string", "type_error");
        }
        String text = value.asText();
        if (hasNul(text)) {
            return fail(at, "value " + NUL_MESSAGE, "value_error");
        }
        if (operator == Operator.REGEX) {
            String problem = PortableRegex.problem(text);
            if (problem != null) {
                return fail(at, problem, "value_error");
            }
        }
        return text;
    }

    /** One value of the field's type: a string, boolean, integer, ISO-8601 date-time, or for metadata any scalar. */
    private Object scalar(ListField field, JsonNode value, List<String> at) {
        if (isDynamic(value)) {
            return fail(at, DYNAMIC, "value_error");
        }
        if (value.isTextual() && hasNul(value.asText())) {
            return fail(at, "value " + NUL_MESSAGE, "value_error");
        }
        Object checked = switch (field.type()) {
            case STRING -> value.isTextual() ? value.asText() : null;
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
            case TIMESTAMP -> value.isTextual() && FilterValues.instant(value.asText()).isPresent() ? value.asText() : null;
            case ANY -> value.isTextual() ? value.asText() : value.isBoolean() ? value.booleanValue()
                    : value.isNumber() && Double.isFinite(value.doubleValue()) ? (Object) value.doubleValue() : null;
        };
        if (checked == null) {
            String example = field.type() == FieldType.TIMESTAMP ? ", e.g. 2026-01-31T12:00:00Z" : "";
            return fail(at, "'" + field.name() + "' compares with " + field.type().inWords() + example, "type_error");
        }
        return checked;
    }

    /** Mixpeek's DynamicValue, {"type": "dynamic", "field": ...}: only a retriever's inputs can fill it. */
    private static boolean isDynamic(JsonNode value) {
        return value.isObject() && "dynamic".equals(value.path("type").asText(null));
    }

    private Object fail(List<String> at, String message, String type) {
        violations.add(new Violation(at, message, type));
        return INVALID;
    }

    private ListFilter invalid(List<String> at, String message, String type) {
        violations.add(new Violation(at, message, type));
        return ListFilter.none();
    }

    private static List<String> with(List<String> at, String step) {
        List<String> path = new ArrayList<>(at);
        path.add(step);
        return path;
    }
}
