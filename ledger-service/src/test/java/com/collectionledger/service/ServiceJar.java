package com.collectionledger.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The packaged service jar as a child process, for tests that kill it or run several of it. */
final class ServiceJar {

    private ServiceJar() {
    }

    record Started(Process process, int port) {
    }

    /** Starts the jar on a free port with an admin key and no rate limit; its output goes to {@code log}. */
    static Started start(String adminKey, Path log, List<String> arguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Half the start-up time on a small machine; neither the jar nor its settings change.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                System.getProperty("ledger.jar", "target/ledger-service.jar"),
                "--server.port=" + port, "--ledger.bootstrap-api-key=" + adminKey,
                // The per-key rate limit would throttle the load; it is not what these tests are about.
                "--ledger.rate-limit.requests-per-second=0"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Started(process, port);
    }

    /** Waits until the service answers health; fails with the end of its log if it exits first. */
    static void awaitHealthy(String name, Process process, HttpApi api, Path log, Duration timeout) {
        await(name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail(log));
                    }
                    return api.get("/actuator/health").status() == 200;
                });
    }

    /** The last 60 lines of a service's log. */
    static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
