package com.collectionledger.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Work a test runs beside its own thread, each on a thread of its own: never on the common pool,
 * whose one worker on a 2-core machine would run "concurrent" calls one after another.
 */
final class Background {

    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "test-background");
        thread.setDaemon(true);
        thread.start();
    };

    private Background() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, OWN_THREAD);
    }
}
