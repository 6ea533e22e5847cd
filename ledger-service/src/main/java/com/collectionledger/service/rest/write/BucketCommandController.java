package com.collectionledger.service.rest.write;

import com.collectionledger.api.bucket.BucketCloned;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.bucket.DeleteBucketCommand;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.bucket.UpdateBucketCommand;
import com.collectionledger.service.rest.model.BucketResponse;
import com.collectionledger.service.rest.Identifiers;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Ids;
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
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bucket write routes: create, PATCH and PUT (the same change: each field sent replaces the
 * current value, each one omitted or null is kept), and DELETE (409 while live collections read it).
 */
@RestController
class BucketCommandController {

    static final Set<String> CHANGEABLE = Set.of("bucket_name", "description", "metadata", "bucket_schema");
    static final Map<String, String> UNCHANGEABLE = Map.of(
            "unique_key", "unique_key is fixed when the bucket is created (as in Mixpeek, it cannot be changed "
                    + "afterwards); create a new bucket for another key",
            "bucket_id", "bucket_id is the bucket's identity and never changes");

    record CreateBucketRequest(String bucketName, String description, ObjectSchema bucketSchema, UniqueKey uniqueKey,
                               Map<String, Object> metadata) {
    }

    record ChangeBucketRequest(String bucketName, String description, ObjectSchema bucketSchema,
                               Map<String, Object> metadata) {
    }

    record DeleteResponse(boolean success, String bucketId, String bucketName, String message) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;
    private final Identifiers identifiers;
    private final ObjectMapper json;

    BucketCommandController(ReadYourWrites writes, QueryGateway queries, Identifiers identifiers, ObjectMapper json) {
        this.writes = writes;
        this.queries = queries;
        this.identifiers = identifiers;
        this.json = json;
    }

    @PostMapping("/v1/buckets")
    ResponseEntity<WriteBody<BucketResponse>> create(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                     @RequestBody CreateBucketRequest request) {
        String bucketId = Ids.next("bkt_");
        Written written = writes.create(bucketId, new CreateBucketCommand(bucketId, namespaceId, request.bucketName(),
                request.description(), request.bucketSchema(), request.metadata(), request.uniqueKey()));
        return WriteResponses.respond(HttpStatus.OK, written, model(namespaceId, written));
    }

    @RequestMapping(path = "/v1/buckets/{identifier}", method = {RequestMethod.PATCH, RequestMethod.PUT})
    ResponseEntity<WriteBody<BucketResponse>> change(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                     @PathVariable String identifier, @RequestBody JsonNode body)
            throws JsonProcessingException {
        ChangeBodies.requireOnly(body, CHANGEABLE, UNCHANGEABLE);
        ChangeBucketRequest change = json.treeToValue(body, ChangeBucketRequest.class);
        String bucketId = identifiers.bucketId(namespaceId, identifier);
        Written written = writes.change(bucketId, new UpdateBucketCommand(bucketId, namespaceId, change.bucketName(),
                change.description(), change.bucketSchema(), change.metadata()));
        return WriteResponses.respond(HttpStatus.OK, written, model(namespaceId, written));
    }

    @DeleteMapping("/v1/buckets/{identifier}")
    ResponseEntity<WriteBody<DeleteResponse>> delete(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                     @PathVariable String identifier) {
        String bucketId = identifiers.bucketId(namespaceId, identifier);
        Written written = writes.change(bucketId, new DeleteBucketCommand(bucketId, namespaceId));
        List<Object> events = writes.events(bucketId, written.version());
        BucketDeleted deleted = (BucketDeleted) events.get(events.size() - 1);
        return WriteResponses.respond(HttpStatus.OK, written, new DeleteResponse(true, bucketId,
                deleted.bucketName(), "bucket " + bucketId + " deleted"));
    }

    /**
     * The bucket as the write left it: from the read model once it shows the write, else folded from
     * its events in the event store. The write happened either way.
     */
    private BucketResponse model(String namespaceId, Written written) {
        String bucketId = written.aggregateId();
        Optional<BucketView> view = writes.shown(written, () -> queries.query(new FindBucketQuery(namespaceId, bucketId),
                ResponseTypes.optionalInstanceOf(BucketView.class)).join());
        return BucketResponse.from(view.orElseGet(() -> fold(bucketId, written.version())));
    }

    private BucketView fold(String bucketId, long version) {
        BucketView folded = null;
        for (Object event : writes.events(bucketId, version)) {
            if (event instanceof BucketCreated created) {
                folded = BucketView.created(created);
            } else if (event instanceof BucketCloned cloned) {
                folded = BucketView.created(cloned.asCreated());
            } else if (event instanceof BucketUpdated updated && folded != null) {
                folded = folded.updated(updated);
            }
        }
        return folded;
    }
}
