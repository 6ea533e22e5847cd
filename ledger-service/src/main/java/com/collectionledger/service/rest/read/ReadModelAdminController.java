package com.collectionledger.service.rest.read;

import com.collectionledger.query.replay.ReadModelReplay;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator routes (admin keys only): rebuild the read model, watch it, and digest it. Any node serving reads
 * takes a replay request for all the nodes that share the read model, and reports on all of them.
 */
@RestController
@RequestMapping("/v1/admin/read-model")
class ReadModelAdminController {

    private final ReadModelReplay replay;

    ReadModelAdminController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    ResponseEntity<ReadModelReplay.Status> startReplay() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replay.start());
    }

    @GetMapping("/replay")
    ReadModelReplay.Status replayStatus() {
        return replay.status();
    }

    @GetMapping("/checksum")
    ReadModelReplay.Digest checksum() {
        return replay.digest();
    }
}
