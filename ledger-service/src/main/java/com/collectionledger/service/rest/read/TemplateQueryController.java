package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.FindTemplateQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListFilter;
import com.collectionledger.api.query.ListTemplatesQuery;
import com.collectionledger.api.query.TemplatePage;
import com.collectionledger.api.query.TemplateView;
import com.collectionledger.query.filter.FilterParser;
import com.collectionledger.query.filter.ListFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The collection template read routes: get by ID, and list (in Mixpeek's document the list is
 * {@code POST /v1/templates/collections}). Only the templates of the request's namespace exist here.
 */
@RestController
@RequestMapping("/v1/templates/collections")
class TemplateQueryController {

    static final List<String> SCOPES = List.of("system", "organization", "user", "public");
    static final int MAX_TAG_FILTERS = 50;

    private final QueryGateway queries;

    TemplateQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{templateId}")
    TemplateModel get(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                      @PathVariable String templateId) {
        return queries.query(new FindTemplateQuery(namespaceId, templateId),
                        ResponseTypes.optionalInstanceOf(TemplateView.class)).join()
                .map(TemplateModel::from)
                .orElseThrow(() -> LedgerException.notFound("template", templateId));
    }

    /**
     * Mixpeek's ListTemplatesRequest, paged like every list here: {@code filters}, {@code sort},
     * {@code search} and {@code case_sensitive} as on the collection list, and its own {@code scope},
     * {@code category} and {@code tags} (must have all) as exact matches besides.
     */
    @PostMapping
    Map<String, Object> list(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) Integer offset,
                             @RequestParam(required = false) String cursor,
                             @RequestBody(required = false) JsonNode body) {
        PageParameters page = PageParameters.of(limit, offset, cursor);
        List<Violation> violations = new ArrayList<>();
        ListCriteria criteria = ListRequests.criteria(body, ListFields.TEMPLATES, violations);
        // A body that is not an object has no fields (its violation is already there).
        JsonNode request = body == null ? MissingNode.getInstance() : body;
        List<ListFilter> exact = new ArrayList<>();
        String category = text(request, "category", violations);
        if (category != null) {
            exact.add(exactly("category", category));
        }
        String scope = text(request, "scope", violations);
        if (scope != null && SCOPES.contains(scope)) {
            exact.add(exactly("scope", scope));
        } else if (scope != null) {
            violations.add(Violation.at("scope must be one of " + SCOPES, "enum", "body", "scope"));
        }
        JsonNode active = request.path("is_active");
        if (!active.isMissingNode() && !active.isNull() && !active.isBoolean()) {
            // Every template here is active: true and false both list them all.
            violations.add(Violation.at("is_active must be a boolean", "type_error", "body", "is_active"));
        }
        tags(request.path("tags"), violations).forEach(tag -> exact.add(exactly("tags", tag)));
        ListRequests.rejectIfAny(violations);
        TemplatePage result = queries.query(new ListTemplatesQuery(namespaceId, criteria.and(exact), page.offset(),
                page.limit()), ResponseTypes.instanceOf(TemplatePage.class)).join();
        return page.response(result.results().stream().map(TemplateModel::from).toList(), result.total());
    }

    /** A field of ListTemplatesRequest: equal to the value, with its case, whatever {@code case_sensitive} says. */
    private static ListFilter exactly(String field, String value) {
        return new ListFilter.Condition(field, ListFilter.Operator.EQ, value, true);
    }

    /** An optional string field of the body, or null. */
    private static String text(JsonNode request, String field, List<Violation> violations) {
        JsonNode value = request.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(Violation.at(field + " must be a string", "type_error", "body", field));
            return null;
        }
        if (FilterParser.hasNul(value.asText())) {
            violations.add(Violation.at(field + " " + FilterParser.NUL_MESSAGE, "value_error", "body", field));
            return null;
        }
        return value.asText();
    }

    /** The tags every listed template must have. */
    private static List<String> tags(JsonNode tags, List<Violation> violations) {
        List<String> result = new ArrayList<>();
        if (tags.isMissingNode() || tags.isNull()) {
            return result;
        }
        if (!tags.isArray()) {
            violations.add(Violation.at("tags must be a list of strings", "type_error", "body", "tags"));
            return result;
        }
        if (tags.size() > MAX_TAG_FILTERS) {
            violations.add(Violation.at("at most " + MAX_TAG_FILTERS + " tags", "value_error", "body", "tags"));
            return result;
        }
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isTextual()) {
                violations.add(Violation.at("a tag must be a string", "type_error", "body", "tags", String.valueOf(i)));
            } else if (FilterParser.hasNul(tag.asText())) {
                violations.add(Violation.at("a tag " + FilterParser.NUL_MESSAGE, "value_error",
                        "body", "tags", String.valueOf(i)));
            } else {
                result.add(tag.asText());
            }
        }
        return result;
    }
}
