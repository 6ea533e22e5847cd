package com.collectionledger.service.rest.write;

import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.InvalidRequest;
import com.collectionledger.service.rest.model.NamespaceModel;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.namespace.CloneNamespaceCommand;
import com.collectionledger.api.namespace.NamespaceCloneOutcome;
import com.collectionledger.api.namespace.NamespaceCloned;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.service.rest.write.ReadYourWrites.WrittenWith;
import com.collectionledger.service.rest.write.WriteResponses.WriteBody;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code POST /v1/namespaces/{namespace_identifier}/clone}: a new namespace with the source's
 * configuration, buckets and collections, each source remapped to its clone. It is synchronous: the
 * answer comes after the one transaction that made all of it, with status {@code ready}. The service
 * keeps no retrievers, taxonomies, objects or vectors: those are accepted and counted 0.
 */
@RestController
class NamespaceCloneController {

    /** Mixpeek's CloneNamespaceRequest. */
    record CloneNamespaceRequest(String namespaceName, ResourcesToInclude includeResources, String description,
                                 String sourceOrganizationId) {
    }

    /** Mixpeek's CloneNamespaceResourcesConfig; buckets are always cloned (collections read them). */
    record ResourcesToInclude(Boolean collections, Boolean retrievers, Boolean taxonomies) {
    }

    /** Mixpeek's CloneNamespaceResponse. */
    record CloneNamespaceResponse(NamespaceModel namespace, String sourceNamespaceId, String status,
                                  ClonedResources clonedResources) {
    }

    /** Mixpeek's ClonedResourceSummary. */
    record ClonedResources(int collections, int retrievers, int taxonomies, int buckets, int objects, int points) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;

    NamespaceCloneController(ReadYourWrites writes, QueryGateway queries) {
        this.writes = writes;
        this.queries = queries;
    }

    @PostMapping("/v1/namespaces/{namespaceIdentifier}/clone")
    ResponseEntity<WriteBody<CloneNamespaceResponse>> cloneNamespace(
            @RequestAttribute(RequestAttributes.NAMESPACE_ID) String sourceNamespaceId,
            @RequestBody CloneNamespaceRequest request) {
        if (request.sourceOrganizationId() != null) {
            throw new InvalidRequest(List.of(Violation.at(
                    "source_organization_id is not supported: this service has no organizations",
                    "value_error", "body", "source_organization_id")));
        }
        boolean collections = request.includeResources() == null || request.includeResources().collections() == null
                || request.includeResources().collections();
        String namespaceId = Ids.next("ns_");
        WrittenWith<NamespaceCloneOutcome> written = writes.createWith(namespaceId,
                new CloneNamespaceCommand(sourceNamespaceId, namespaceId, request.namespaceName(),
                        request.description(), collections),
                NamespaceCloneOutcome.class, outcome -> concat(outcome.bucketIds(), outcome.collectionIds()));
        Optional<NamespaceView> view = writes.shown(written.written(), () -> queries.query(
                new FindNamespaceQuery(namespaceId), ResponseTypes.optionalInstanceOf(NamespaceView.class)).join());
        NamespaceCloneOutcome outcome = written.result();
        NamespaceView created = view.orElseGet(() -> NamespaceView
                .created(writes.creationEvent(namespaceId, NamespaceCloned.class).asCreated())
                .withCounts(outcome.bucketIds().size(), outcome.collectionIds().size()));
        return WriteResponses.respond(HttpStatus.OK, written.written(), new CloneNamespaceResponse(
                NamespaceModel.from(created), sourceNamespaceId, "ready",
                new ClonedResources(outcome.collectionIds().size(), 0, 0, outcome.bucketIds().size(), 0, 0)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
