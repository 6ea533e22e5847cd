package com.collectionledger.service.rest.write;

import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CreateCollectionCommand;
import com.collectionledger.api.collection.DeleteCollectionCommand;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.collectionledger.service.rest.model.CollectionModel;
import com.collectionledger.service.rest.Identifiers;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.service.rest.Versions;
import com.collectionledger.api.query.CollectionView;
import com.collectionledger.api.query.FindCollectionQuery;
import com.collectionledger.query.collection.CollectionViews;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.service.rest.write.CollectionRequests.CloneCollectionRequest;
import com.collectionledger.service.rest.write.CollectionRequests.CloneResponse;
import com.collectionledger.service.rest.write.CollectionRequests.CreateCollectionRequest;
import com.collectionledger.service.rest.write.CollectionRequests.PatchCollectionRequest;
import com.collectionledger.service.rest.write.ReadYourWrites.Written;
import com.collectionledger.service.rest.write.WriteResponses.WriteBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.collectionledger.api.collection.CollectionUpdated.PATCHABLE_FIELDS;

/** The collection write routes: create, patch, delete and clone. */
@RestController
@RequestMapping("/v1/collections")
class CollectionCommandController {

    /** The patchable fields as a sentence names them: "a, b and c". */
    private static final String PATCHABLE_NAMED = String.join(", ", PATCHABLE_FIELDS.subList(0,
            PATCHABLE_FIELDS.size() - 1)) + " and " + PATCHABLE_FIELDS.get(PATCHABLE_FIELDS.size() - 1);

    record DeleteResponse(boolean success, String collectionId, String message) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;
    private final Identifiers identifiers;
    private final ObjectMapper json;
    private final ExtractorCatalog catalog;

    CollectionCommandController(ReadYourWrites writes, QueryGateway queries, Identifiers identifiers,
                                ObjectMapper json, ExtractorCatalog catalog) {
        this.writes = writes;
        this.queries = queries;
        this.identifiers = identifiers;
        this.json = json;
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<WriteBody<CollectionModel>> create(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                      @RequestBody CreateCollectionRequest request) {
        String collectionId = Ids.next("col_");
        Written written = writes.create(collectionId, new CreateCollectionCommand(collectionId, namespaceId,
                request.collectionName(), request.toConfig(), request.inputSchema()));
        return WriteResponses.respond(HttpStatus.OK, written, model(namespaceId, written));
    }

    @PostMapping("/{identifier}/clone")
    ResponseEntity<WriteBody<CloneResponse>> clone(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                   @PathVariable String identifier,
                                                   @RequestParam(name = "source_version", required = false) Long sourceVersion,
                                                   @RequestBody CloneCollectionRequest request) {
        String sourceId = identifiers.collectionId(namespaceId, identifier);
        String cloneId = Ids.next("col_");
        Written written = writes.create(cloneId, new CloneCollectionCommand(sourceId, namespaceId, cloneId,
                request.collectionName(), request.toOverrides(), sourceVersion));
        return WriteResponses.respond(HttpStatus.CREATED, written,
                new CloneResponse(model(namespaceId, written), sourceId));
    }

    @PatchMapping("/{identifier}")
    ResponseEntity<WriteBody<CollectionModel>> patch(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                     @PathVariable String identifier,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestBody JsonNode body) throws JsonProcessingException {
        rejectUnpatchable(body);
        PatchCollectionRequest patch = json.treeToValue(body, PatchCollectionRequest.class);
        String collectionId = identifiers.collectionId(namespaceId, identifier);
        Written written = writes.change(collectionId, new UpdateCollectionCommand(collectionId, namespaceId,
                patch.collectionName(), patch.description(), patch.enabled(), patch.metadata(),
                patch.taxonomyApplications(), Versions.parseIfMatch(ifMatch)));
        return WriteResponses.respond(ResponseEntity.ok().eTag(Versions.etag(written.version())), written,
                model(namespaceId, written));
    }

    @DeleteMapping("/{identifier}")
    ResponseEntity<WriteBody<DeleteResponse>> delete(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                          @PathVariable String identifier,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String collectionId = identifiers.collectionId(namespaceId, identifier);
        Written written = writes.change(collectionId, new DeleteCollectionCommand(collectionId, namespaceId,
                Versions.parseIfMatch(ifMatch)));
        return WriteResponses.respond(HttpStatus.OK, written,
                new DeleteResponse(true, collectionId, "collection " + collectionId + " deleted"));
    }

    /**
     * The collection as the write left it: from the read model once it shows the write, else rebuilt
     * from the event store at the version the command produced. The write happened either way.
     */
    private CollectionModel model(String namespaceId, Written written) {
        String collectionId = written.aggregateId();
        Optional<CollectionView> view = writes.shown(written, () -> queries.query(
                new FindCollectionQuery(namespaceId, collectionId), ResponseTypes.optionalInstanceOf(CollectionView.class))
                .join());
        CollectionView found = view.orElseGet(() -> fold(collectionId, written.version()));
        return CollectionModel.from(found, catalog.find(found.config().featureExtractor().featureExtractorId())
                .map(ExtractorDefinition::view).orElse(null));
    }

    /** Folded here, not asked of the query side: a command-only node has none, and its write is stored. */
    private CollectionView fold(String collectionId, long version) {
        CollectionView folded = null;
        List<Object> events = writes.events(collectionId, version);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            folded = CollectionViews.apply(folded, events.get(sequence), sequence);
        }
        return folded;
    }

    /** PATCH may change only the patchable fields; anything else is a 422 that points to clone. */
    private static void rejectUnpatchable(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new LedgerException(LedgerError.of(ErrorKind.BAD_REQUEST, "the body must be a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!PATCHABLE_FIELDS.contains(field)) {
                violations.add(Violation.at("'" + field + "' cannot be changed by PATCH; PATCH changes only "
                        + PATCHABLE_NAMED + ". "
                        + "To change it, clone the collection (POST /v1/collections/{id}/clone) with the new value",
                        "immutable_field", "body", field));
            }
        }
        if (!violations.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("hint", "clone");
            throw new InvalidRequest(new LedgerError(ErrorKind.VALIDATION, violations.get(0).message(), details,
                    violations));
        }
    }
}
