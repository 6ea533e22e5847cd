package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.model.NamespaceModel;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListNamespacesQuery;
import com.collectionledger.api.query.NamespacePage;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.query.filter.ListFields;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
class NamespaceQueryController {

    private final QueryGateway queries;

    NamespaceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/namespaces/{identifier}")
    NamespaceModel get(@PathVariable String identifier) {
        return queries.query(new FindNamespaceQuery(identifier), ResponseTypes.optionalInstanceOf(NamespaceView.class))
                .join().map(NamespaceModel::from)
                .orElseThrow(() -> LedgerException.notFound("namespace", identifier));
    }

    @PostMapping("/v1/namespaces/list")
    Map<String, Object> list(@RequestAttribute(name = RequestAttributes.NAMESPACE_SCOPE, required = false) List<String> scope,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) Integer offset,
                             @RequestParam(required = false) String cursor,
                             @RequestBody(required = false) JsonNode body) {
        PageParameters page = PageParameters.of(limit, offset, cursor);
        List<Violation> violations = new ArrayList<>();
        ListCriteria criteria = ListRequests.criteria(body, ListFields.NAMESPACES, violations);
        ListRequests.rejectIfAny(violations);
        NamespacePage result = queries.query(new ListNamespacesQuery(scope, criteria, page.offset(), page.limit()),
                ResponseTypes.instanceOf(NamespacePage.class)).join();
        return page.response(result.results().stream().map(NamespaceModel::from).toList(), result.total());
    }
}
