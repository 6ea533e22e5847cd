package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.model.BucketResponse;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.BucketPage;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.query.ListCriteria;
import com.collectionledger.api.query.ListBucketsQuery;
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
class BucketQueryController {

    private final QueryGateway queries;

    BucketQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/buckets/{identifier}")
    BucketResponse get(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                       @PathVariable String identifier) {
        return queries.query(new FindBucketQuery(namespaceId, identifier), ResponseTypes.optionalInstanceOf(BucketView.class))
                .join().map(BucketResponse::from)
                .orElseThrow(() -> LedgerException.notFound("bucket", identifier));
    }

    /**
     * Mixpeek's ListBucketsRequest pages with {@code limit} and {@code offset} in the body; the query
     * parameters of the other lists work too, and the body's values win. A {@code cursor} (the
     * {@code next_cursor} of a page) wins over any offset.
     */
    @PostMapping("/v1/buckets/list")
    Map<String, Object> list(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) Integer offset,
                             @RequestParam(required = false) String cursor,
                             @RequestBody(required = false) JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        ListCriteria criteria = ListRequests.criteria(body, ListFields.BUCKETS, violations);
        Integer bodyLimit = ListRequests.bodyInteger(body, "limit", 1, PageParameters.MAX_LIMIT, violations);
        Integer bodyOffset = ListRequests.bodyInteger(body, "offset", 0, Integer.MAX_VALUE, violations);
        ListRequests.rejectIfAny(violations);
        PageParameters page = PageParameters.of(bodyLimit != null ? bodyLimit : limit,
                bodyOffset != null ? bodyOffset : offset, cursor);
        BucketPage result = queries.query(new ListBucketsQuery(namespaceId, criteria, page.offset(), page.limit()),
                ResponseTypes.instanceOf(BucketPage.class)).join();
        return page.response(result.results().stream().map(BucketResponse::from).toList(), result.total());
    }
}
