package com.collectionledger.service.rest.write;

import com.collectionledger.service.rest.write.ReadYourWrites.Written;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every write answers with {@code X-Read-Model-Status: current} when a GET now shows it. When the
 * read model had not caught up in time, the write still happened: the answer is rebuilt from the
 * event store and says {@code X-Read-Model-Status: behind} and {@code "read_model_status": "behind"}.
 */
final class WriteResponses {

    static final String HEADER = "X-Read-Model-Status";

    /** The body of a write's answer, with the read model's status beside its fields. */
    record WriteBody<T>(@JsonUnwrapped T body, @JsonInclude(JsonInclude.Include.NON_NULL) String readModelStatus) {
    }

    private WriteResponses() {
    }

    static <T> ResponseEntity<WriteBody<T>> respond(HttpStatus status, Written written, T body) {
        return respond(ResponseEntity.status(status), written, body);
    }

    static <T> ResponseEntity<WriteBody<T>> respond(ResponseEntity.BodyBuilder response, Written written, T body) {
        String readModel = written.visible() ? "current" : "behind";
        return response.header(HEADER, readModel).body(new WriteBody<>(body, written.visible() ? null : readModel));
    }
}
