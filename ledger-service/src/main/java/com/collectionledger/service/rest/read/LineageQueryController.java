package com.collectionledger.service.rest.read;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.collectionledger.service.rest.model.CollectionModel;
import com.collectionledger.service.rest.model.Cursors;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.CollectionLineage;
import com.collectionledger.api.query.CollectionLineageQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/collections/{identifier}/lineage}: the clone chain up to the root, a page of the
 * clone tree below, and the processing lineage. {@code direction} is {@code both} (the default),
 * {@code ancestors} or {@code descendants}; only the blocks asked for are in the answer. The descendants'
 * {@code next_cursor} names the last entry of the page, so the next page starts there without counting the
 * tree; the total is counted only with {@code include_total=true} (null otherwise).
 */
@RestController
@RequestMapping("/v1/collections")
class LineageQueryController {

    static final List<String> DIRECTIONS = List.of("both", "ancestors", "descendants");

    private final QueryGateway queries;

    LineageQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{identifier}/lineage")
    Map<String, Object> lineage(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                @RequestAttribute(name = RequestAttributes.NAMESPACE_SCOPE, required = false)
                                List<String> scope,
                                @PathVariable String identifier,
                                @RequestParam(required = false) String direction,
                                @RequestParam(name = "max_depth", required = false) Integer maxDepth,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(name = "include_total", required = false) Boolean includeTotal) {
        List<Violation> violations = new ArrayList<>();
        String walk = direction == null || direction.isEmpty() ? "both" : direction;
        if (!DIRECTIONS.contains(walk)) {
            violations.add(Violation.at("direction must be one of " + DIRECTIONS, "enum", "query", "direction"));
        }
        int depth = maxDepth == null ? CollectionLineageQuery.DEFAULT_MAX_DEPTH : maxDepth;
        if (depth < 1 || depth > CollectionLineageQuery.MAX_DEPTH) {
            violations.add(Violation.at("max_depth must be between 1 and " + CollectionLineageQuery.MAX_DEPTH,
                    "value_error", "query", "max_depth"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        Cursors.After after = cursor == null || cursor.isEmpty() ? null : Cursors.decodeAfter(cursor).orElse(null);
        PageParameters page = after == null ? PageParameters.of(limit, offset, cursor)
                : PageParameters.of(limit, null, null);
        boolean ancestors = !walk.equals("descendants");
        boolean descendants = !walk.equals("ancestors");
        CollectionLineage lineage = queries.query(new CollectionLineageQuery(namespaceId, identifier, ancestors,
                descendants, depth, after == null ? page.offset() : 0, page.limit(),
                scope == null ? List.of("*") : scope,
                after == null ? null : new CollectionLineage.Position(after.depth(), after.id()),
                Boolean.TRUE.equals(includeTotal)), ResponseTypes.instanceOf(CollectionLineage.class))
                .join();
        if (lineage == null) {
            throw LedgerException.notFound("collection", identifier);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("collection_id", lineage.collectionId());
        response.put("collection_name", lineage.collectionName());
        response.put("deleted", lineage.deleted());
        response.put("root_collection_id", lineage.rootCollectionId());
        response.put("generation", lineage.generation());
        response.put("source_lineage", CollectionModel.SourceLineageModel.from(lineage.sourceLineage()));
        response.put("from_template", lineage.fromTemplate());
        response.put("max_depth", depth);
        if (lineage.ancestors() != null) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("results", lineage.ancestors().entries());
            block.put("truncated", lineage.ancestors().truncated());
            response.put("ancestors", block);
        }
        if (lineage.descendants() != null) {
            response.put("descendants", descendantsBlock(lineage.descendants(),
                    after == null ? page.offset() : after.offset(), page.limit()));
        }
        return response;
    }

    /** The page in the shape of a list response, its pagination counted from where the page starts. */
    private static Map<String, Object> descendantsBlock(CollectionLineage.Descendants descendants, int offset,
                                                        int limit) {
        int number = offset / limit + 1;
        Long total = descendants.total();
        CollectionLineage.Position next = descendants.next();
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("total", total);
        pagination.put("page", number);
        pagination.put("page_size", limit);
        pagination.put("total_pages", total == null ? null : (total + limit - 1) / limit);
        pagination.put("next_page", next == null ? null : String.valueOf(number + 1));
        pagination.put("previous_page", number > 1 ? String.valueOf(number - 1) : null);
        pagination.put("next_cursor", next == null ? null
                : Cursors.encode(new Cursors.After(offset + limit, next.depth(), next.collectionId())));
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("results", descendants.entries());
        block.put("pagination", pagination);
        block.put("total_count", total);
        block.put("truncated", descendants.truncated());
        return block;
    }
}
