package com.collectionledger.command.web;

import com.collectionledger.api.http.NamespaceModel;
import com.collectionledger.api.namespace.CreateNamespaceCommand;
import com.collectionledger.api.namespace.ExtractorRef;
import com.collectionledger.api.query.FindNamespaceQuery;
import com.collectionledger.api.query.NamespaceView;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.command.web.ReadYourWrites.Written;
import com.collectionledger.command.web.WriteResponses.WriteBody;
import com.collectionledger.command.domain.Ids;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

@RestController
class NamespaceCommandController {

    record CreateNamespaceRequest(String namespaceName, String description, List<ExtractorRef> featureExtractors) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;

    NamespaceCommandController(ReadYourWrites writes, QueryGateway queries) {
        this.writes = writes;
        this.queries = queries;
    }

    @PostMapping("/v1/namespaces")
    ResponseEntity<WriteBody<NamespaceModel>> create(@RequestBody CreateNamespaceRequest request) {
        String namespaceId = Ids.next("ns_");
        Written written = writes.create(namespaceId, new CreateNamespaceCommand(namespaceId, request.namespaceName(),
                request.description(), request.featureExtractors()));
        Optional<NamespaceView> view = written.visible()
                ? queries.query(new FindNamespaceQuery(namespaceId), ResponseTypes.optionalInstanceOf(NamespaceView.class)).join()
                : Optional.empty();
        NamespaceView created = view.orElseGet(() ->
                NamespaceView.created(writes.creationEvent(namespaceId, NamespaceCreated.class)));
        return WriteResponses.respond(HttpStatus.OK, written, NamespaceModel.from(created));
    }
}
