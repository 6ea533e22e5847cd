package com.collectionledger.service;

import com.collectionledger.api.collection.CollectionCreated;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only: holds the appending transaction of a collection named {@code late-commit*} open,
 * after its event was inserted, until the test opens the gate. A subscribing handler runs inside
 * that transaction, so while it waits the event's global index is taken but not committed.
 */
@Component
@ProcessingGroup(LateCommitGate.GROUP)
public class LateCommitGate {

    static final String GROUP = "test-late-commit";
    static final String PREFIX = "late-commit";

    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch open = new CountDownLatch(1);

    @Autowired
    void subscribing(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    void on(CollectionCreated event) throws InterruptedException {
        if (event.collectionName().startsWith(PREFIX)) {
            entered.countDown();
            open.await(60, TimeUnit.SECONDS);
        }
    }

    /** Closes the gate for the next late-commit collection. */
    void close() {
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    /** Waits until a transaction is being held. */
    void awaitHeld() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no transaction reached the gate");
        }
    }

    void open() {
        open.countDown();
    }
}
