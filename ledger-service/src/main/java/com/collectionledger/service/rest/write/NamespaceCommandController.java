package com.collectionledger.service.rest.write;

import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.collectionledger.service.rest.model.NamespaceModel;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.DeleteNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.NamespaceDeleted;
import com.collectionledger.api.namespace.NamespaceUpdated;
import com.collectionledger.api.namespace.PayloadIndex;
import com.collectionledger.api.namespace.UpdateNamespaceCommand;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.command.domain.Names;
import com.collectionledger.service.rest.Identifiers;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The namespace write routes (admin keys): create, PATCH and PUT (the same change: each field sent
 * replaces the current value, each one omitted or null is kept), and DELETE, which deletes the
 * namespace's buckets and collections with it, as Mixpeek's does.
 */
@RestController
class NamespaceCommandController {

    static final Set<String> CHANGEABLE = Set.of("namespace_name", "description", "feature_extractors",
            "payload_indexes", "auto_create_indexes");
    private static final String NO_INFRASTRUCTURE = "infrastructure is not supported: this service keeps the "
            + "configuration of collections and runs no dedicated clusters";
    static final Map<String, String> UNCHANGEABLE = Map.of(
            "infrastructure", NO_INFRASTRUCTURE,
            "namespace_type", "namespace_type is fixed when the namespace is created",
            "namespace_id", "namespace_id is the namespace's identity and never changes");

    record CreateNamespaceRequest(String namespaceName, String namespaceType, String description,
                                  List<ExtractorRef> featureExtractors, List<PayloadIndex> payloadIndexes,
                                  Boolean autoCreateIndexes, JsonNode infrastructure) {
    }

    record ChangeNamespaceRequest(String namespaceName, String description, List<ExtractorRef> featureExtractors,
                                  List<PayloadIndex> payloadIndexes, Boolean autoCreateIndexes) {
    }

    record DeleteResponse(boolean success, String namespaceId, String namespaceName, List<String> deletedBucketIds,
                          List<String> deletedCollectionIds, String message) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;
    private final Identifiers identifiers;
    private final NamespaceRenameGuard renameGuard;
    private final ObjectMapper json;

    NamespaceCommandController(ReadYourWrites writes, QueryGateway queries, Identifiers identifiers,
                               NamespaceRenameGuard renameGuard, ObjectMapper json) {
        this.writes = writes;
        this.queries = queries;
        this.identifiers = identifiers;
        this.renameGuard = renameGuard;
        this.json = json;
    }

    @PostMapping("/v1/namespaces")
    ResponseEntity<WriteBody<NamespaceModel>> create(@RequestBody CreateNamespaceRequest request) {
        rejectUnsupported(request);
        String namespaceId = Ids.next("ns_");
        Written written = writes.create(namespaceId, new CreateNamespaceCommand(namespaceId, request.namespaceName(),
                request.description(), request.featureExtractors(), request.payloadIndexes(),
                request.autoCreateIndexes()));
        return WriteResponses.respond(HttpStatus.OK, written, model(written));
    }

    @RequestMapping(path = "/v1/namespaces/{identifier}", method = {RequestMethod.PATCH, RequestMethod.PUT})
    ResponseEntity<WriteBody<NamespaceModel>> change(@PathVariable String identifier, @RequestBody JsonNode body)
            throws JsonProcessingException {
        ChangeBodies.requireOnly(body, CHANGEABLE, UNCHANGEABLE);
        ChangeNamespaceRequest change = json.treeToValue(body, ChangeNamespaceRequest.class);
        Directory.NamespaceEntry namespace = identifiers.namespace(identifier);
        String newName = change.namespaceName();
        if (newName != null && !newName.equals(namespace.namespaceName())
                && Names.check("namespace_name", newName, "ns_").isEmpty()) {
            renameGuard.checkRename(namespace.namespaceId(), namespace.namespaceName(), newName);
        }
        Written written = writes.change(namespace.namespaceId(), new UpdateNamespaceCommand(namespace.namespaceId(),
                newName, change.description(), change.featureExtractors(), change.payloadIndexes(),
                change.autoCreateIndexes()));
        return WriteResponses.respond(HttpStatus.OK, written, model(written));
    }

    @DeleteMapping("/v1/namespaces/{identifier}")
    ResponseEntity<WriteBody<DeleteResponse>> delete(@PathVariable String identifier) {
        String namespaceId = identifiers.namespace(identifier).namespaceId();
        Written written = writes.change(namespaceId, new DeleteNamespaceCommand(namespaceId));
        List<Object> events = writes.events(namespaceId, written.version());
        NamespaceDeleted deleted = (NamespaceDeleted) events.get(events.size() - 1);
        return WriteResponses.respond(HttpStatus.OK, written, new DeleteResponse(true, namespaceId,
                deleted.namespaceName(), deleted.deletedBucketIds(), deleted.deletedCollectionIds(),
                "namespace " + namespaceId + " deleted, with " + deleted.deletedBucketIds().size() + " bucket(s) and "
                        + deleted.deletedCollectionIds().size() + " collection(s)"));
    }

    /** Mixpeek's marketplace namespaces and dedicated infrastructure have no meaning here: a 422, never dropped. */
    private static void rejectUnsupported(CreateNamespaceRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.namespaceType() != null && !request.namespaceType().equals(NamespaceModel.STANDARD)) {
            violations.add(Violation.at("namespace_type must be 'standard': this service has no marketplace "
                    + "namespaces", "enum", "body", "namespace_type"));
        }
        if (request.infrastructure() != null && !request.infrastructure().isNull()) {
            violations.add(Violation.at(NO_INFRASTRUCTURE, "value_error", "body", "infrastructure"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    /**
     * The namespace as the write left it: from the read model once it shows the write, else folded
     * from its events in the event store. The write happened either way.
     */
    private NamespaceModel model(Written written) {
        String namespaceId = written.aggregateId();
        Optional<NamespaceView> view = writes.shown(written, () -> queries.query(new FindNamespaceQuery(namespaceId),
                ResponseTypes.optionalInstanceOf(NamespaceView.class)).join());
        return NamespaceModel.from(view.orElseGet(() -> {
            NamespaceView folded = null;
            for (Object event : writes.events(namespaceId, written.version())) {
                if (event instanceof NamespaceCreated created) {
                    folded = NamespaceView.created(created);
                } else if (event instanceof NamespaceCloned cloned) {
                    folded = NamespaceView.created(cloned.asCreated());
                } else if (event instanceof NamespaceUpdated updated && folded != null) {
                    folded = folded.updated(updated);
                }
            }
            // A namespace just created holds nothing; after a change its counts are not known here.
            return written.version() == 0 ? folded.withCounts(0, 0) : folded;
        }));
    }
}
