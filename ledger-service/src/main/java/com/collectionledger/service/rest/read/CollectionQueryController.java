package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.model.CollectionModel;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.service.rest.Versions;
import com.collectionledger.api.query.CollectionHistory;
import com.collectionledger.api.query.CollectionHistoryQuery;
import com.collectionledger.api.query.CollectionPage;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.ListCollectionsQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.query.filter.ListFields;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The collection read routes: get by ID or name, and list. */
@RestController
@RequestMapping("/v1/collections")
class CollectionQueryController {

    private final QueryGateway queries;
    private final CollectionModels models;

    CollectionQueryController(QueryGateway queries, CollectionModels models) {
        this.queries = queries;
        this.models = models;
    }

    /** The collection now, or with {@code version} or {@code as_of} as it was then (from the event store). */
    @GetMapping("/{identifier}")
    ResponseEntity<CollectionModel> get(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                        @PathVariable String identifier,
                                        @RequestParam(required = false) Long version,
                                        @RequestParam(name = "as_of", required = false) String asOf) {
        Object query = PointInTime.query(namespaceId, identifier, version, asOf);
        CollectionView view = queries.query(query, ResponseTypes.optionalInstanceOf(CollectionView.class)).join()
                .orElseThrow(() -> LedgerException.notFound("collection", identifier));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(models.of(view));
    }

    /** Every event of the collection, in order, also after it was deleted (then by ID). */
    @GetMapping("/{identifier}/history")
    Map<String, Object> history(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                @RequestAttribute(name = RequestAttributes.NAMESPACE_SCOPE, required = false)
                                List<String> scope,
                                @PathVariable String identifier,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset,
                                @RequestParam(required = false) String cursor) {
        PageParameters page = PageParameters.of(limit, offset, cursor);
        CollectionHistory history = queries.query(new CollectionHistoryQuery(namespaceId, identifier, page.offset(),
                page.limit(), scope == null ? List.of("*") : scope), ResponseTypes.instanceOf(CollectionHistory.class)).join();
        if (history == null) {
            throw LedgerException.notFound("collection", identifier);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("collection_id", history.collectionId());
        response.putAll(page.response(history.entries(), history.total()));
        return response;
    }

    @PostMapping("/list")
    Map<String, Object> list(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) Integer offset,
                             @RequestParam(required = false) String cursor,
                             // Accepted (and type-checked) for Mixpeek's clients; the exact total is always sent.
                             @RequestParam(name = "include_total", required = false) Boolean includeTotal,
                             @RequestBody(required = false) JsonNode body) {
        PageParameters page = PageParameters.of(limit, offset, cursor);
        List<Violation> violations = new ArrayList<>();
        ListCriteria criteria = ListRequests.criteria(body, ListFields.COLLECTIONS, violations);
        ListRequests.rejectIfAny(violations);
        CollectionPage result = queries.query(new ListCollectionsQuery(namespaceId, criteria, page.offset(),
                page.limit()), ResponseTypes.instanceOf(CollectionPage.class)).join();
        // Mixpeek's total_count is a required integer: the exact total is sent whatever include_total says.
        return page.response(models.of(result.results()), result.total());
    }
}
