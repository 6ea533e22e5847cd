package com.collectionledger.command.web;

import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.http.BucketResponse;
import com.collectionledger.api.http.RequestAttributes;
import com.collectionledger.api.query.BucketView;
import com.collectionledger.api.query.FindBucketQuery;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.domain.Ids;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

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
    BucketResponse create(@RequestAttribute(RequestAttributes.NAMESPACE_ID) String namespaceId,
                          @RequestBody CreateBucketRequest request) {
        String bucketId = Ids.next("bkt_");
        writes.create(bucketId, new CreateBucketCommand(bucketId, namespaceId, request.bucketName(),
                request.description(), request.bucketSchema(), request.metadata()));
        return queries.query(new FindBucketQuery(namespaceId, bucketId), ResponseTypes.optionalInstanceOf(BucketView.class))
                .join().map(BucketResponse::from)
                .orElseThrow(() -> LedgerException.notFound("bucket", bucketId));
    }
}
