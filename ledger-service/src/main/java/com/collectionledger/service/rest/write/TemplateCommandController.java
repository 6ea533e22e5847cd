package com.collectionledger.service.rest.write;

import com.collectionledger.api.collection.CollectionInstantiated;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.service.rest.Identifiers;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.template.CreateTemplateFromCollectionCommand;
import com.collectionledger.api.template.InstantiateTemplateCommand;
import com.collectionledger.api.template.TemplateCreated;
import com.collectionledger.command.domain.Ids;
import com.collectionledger.service.rest.write.ReadYourWrites.Written;
import com.collectionledger.service.rest.write.WriteResponses.WriteBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The collection template write routes: capture a collection as a template, and instantiate one. */
@RestController
@RequestMapping("/v1/templates/collections")
class TemplateCommandController {

    /** Mixpeek's template ID pattern; anything else names no template. */
    static final Pattern TEMPLATE_ID = Pattern.compile("tmpl_[a-z0-9_]{1,27}");

    /** Mixpeek's CreateTemplateFromResourceRequest. */
    record CreateTemplateRequest(String templateName, String description, String scope, String category,
                                 List<String> tags, Boolean isPublic) {
    }

    /** Mixpeek's CreateTemplateFromResourceResponse, plus the version of the collection it captured. */
    record CreateTemplateResponse(String templateId, String templateName, String templateType, String scope,
                                  String sourceResourceId, long sourceVersion, Instant createdAt) {
    }

    /** Mixpeek's InstantiateCollectionTemplateRequest. */
    record InstantiateRequest(String collectionName, List<String> bucketIds, String collectionId, String description,
                              List<String> tags) {
    }

    /** Mixpeek's InstantiatedCollectionTemplateResponse. */
    record InstantiateResponse(String collectionId, String collectionName, String templateId, String status,
                               Instant createdAt) {
    }

    private final ReadYourWrites writes;
    private final Identifiers identifiers;

    TemplateCommandController(ReadYourWrites writes, Identifiers identifiers) {
        this.writes = writes;
        this.identifiers = identifiers;
    }

    /** A template of a live collection of the namespace (by ID or name), as it is now: 201. */
    @PostMapping("/from-collection/{collectionId}")
    ResponseEntity<WriteBody<CreateTemplateResponse>> capture(
            @RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId, @PathVariable String collectionId,
            @RequestBody CreateTemplateRequest request) {
        String sourceId = identifiers.collectionId(namespaceId, collectionId);
        String templateId = Ids.next("tmpl_");
        Written written = writes.create(templateId, new CreateTemplateFromCollectionCommand(sourceId, namespaceId,
                templateId, request.templateName(), request.description(), request.scope(), request.category(),
                request.tags(), request.isPublic()));
        // A retry with the same Idempotency-Key answers the template its first request created.
        TemplateCreated created = writes.creationEvent(written.aggregateId(), TemplateCreated.class);
        return WriteResponses.respond(HttpStatus.CREATED, written, new CreateTemplateResponse(created.templateId(),
                created.templateName(), "collection", created.scope(), created.sourceCollectionId(),
                created.sourceVersion(), created.createdAt()));
    }

    /** A new collection from the template's configuration, validated as a create is: 201. */
    @PostMapping("/{templateId}/instantiate")
    ResponseEntity<WriteBody<InstantiateResponse>> instantiate(
            @RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId, @PathVariable String templateId,
            @RequestBody InstantiateRequest request) {
        if (!TEMPLATE_ID.matcher(templateId).matches()) {
            throw LedgerException.notFound("template", templateId);
        }
        String collectionId = Ids.next("col_");
        // An unknown template is the command bus's NOT_FOUND.
        Written written = writes.create(collectionId, new InstantiateTemplateCommand(templateId, namespaceId,
                collectionId, request.collectionName(), request.bucketIds(), request.collectionId(),
                request.description(), request.tags()));
        CollectionInstantiated instantiated = writes.creationEvent(written.aggregateId(), CollectionInstantiated.class);
        return WriteResponses.respond(HttpStatus.CREATED, written, new InstantiateResponse(written.aggregateId(),
                instantiated.collectionName(), templateId, "created", instantiated.instantiatedAt()));
    }
}
