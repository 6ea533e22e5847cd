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
        // Half the start-up time on a small machine; neither the jar nor its settings change.
        return start(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), adminKey, log, arguments);
    }

    /** The same with these JVM options: none to run it as a plain {@code java -jar} does. */
    static Started start(List<String> jvmOptions, String adminKey, Path log, List<String> arguments) throws IOException {
        return start(Path.of(System.getProperty("ledger.jar", "target/ledger-service.jar")), jvmOptions, adminKey, log,
                arguments);
    }

    /** The same with another jar (the unpacked one of target/app). */
    static Started start(Path jar, List<String> jvmOptions, String adminKey, Path log, List<String> arguments)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--ledger.bootstrap-api-key=" + adminKey,
                // The per-key rate limit would throttle the load; it is not what these tests are about.
                "--ledger.rate-limit.requests-per-second=0"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Started(process, port);
    }

    /** The {@code java} of the JDK that runs this JVM. */
    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service answers health; fails with the end of its log if it exits first. */
    static void awaitHealthy(String name, Process process, HttpApi api, Path log, Duration timeout) {
        awaitHealthy(name, process, api, log, timeout, Duration.ofMillis(100));
    }

    /** The same, asking every {@code pollInterval}: short, to time the start-up. */
    static void awaitHealthy(String name, Process process, HttpApi api, Path log, Duration timeout,
                             Duration pollInterval) {
        await(name + " healthy").atMost(timeout).pollInterval(pollInterval)
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
