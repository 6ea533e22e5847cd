package com.collectionledger.command.web;

import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.command.web.ReadYourWrites.Written;
import com.collectionledger.command.web.WriteResponses.WriteBody;
import com.collectionledger.api.http.BucketResponse;
import com.collectionledger.api.http.RequestAttributes;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Ids;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

@RestController
class BucketCommandController {

    record CreateBucketRequest(String bucketName, String description, ObjectSchema bucketSchema,
                               Map<String, Object> metadata) {
    }

    private final ReadYourWrites writes;
    private final QueryGateway queries;

    BucketCommandController(ReadYourWrites writes, QueryGateway queries) {
        this.writes = writes;
        this.queries = queries;
    }

    @PostMapping("/v1/buckets")
    ResponseEntity<WriteBody<BucketResponse>> create(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                                                     @RequestBody CreateBucketRequest request) {
        String bucketId = Ids.next("bkt_");
        Written written = writes.create(bucketId, new CreateBucketCommand(bucketId, namespaceId, request.bucketName(),
                request.description(), request.bucketSchema(), request.metadata()));
        Optional<BucketView> view = written.visible()
                ? queries.query(new FindBucketQuery(namespaceId, bucketId), ResponseTypes.optionalInstanceOf(BucketView.class)).join()
                : Optional.empty();
        BucketView created = view.orElseGet(() -> BucketView.created(writes.creationEvent(bucketId, BucketCreated.class)));
        return WriteResponses.respond(HttpStatus.OK, written, BucketResponse.from(created));
    }
}
