package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node of the distributed deployment whose Axon Server cannot be reached: it starts anyway, says so
 * once in its log, naming the server and context, is not ready, and answers writes 503 with Retry-After
 * within a bound instead of hanging.
 */
@ExtendWith(OutputCaptureExtension.class)
class AxonServerUnreachableTest {

    private static final String KEY = "sk_test_noserver_0123456789abcdefghijklmnopqrs";

    @TempDir
    Path dataDir;

    @Test
    void aNodeThatCannotReachAxonServerStartsSaysSoIsNotReadyAndAnswers503(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String[] arguments = TestDatabase.freshStoreArguments(dataDir, "--server.port=0",
                "--ledger.bootstrap-api-key=" + KEY, "--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=127.0.0.1:" + closedPort);
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(LedgerApplication.class).run(arguments)) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpApi admin = new HttpApi(port, KEY);

            await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(
                    "Axon Server at 127.0.0.1:" + closedPort + " (context 'default') is unreachable at start"));
            HttpApi.Response readiness = admin.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.text("components.axonServer.status")).isNotEqualTo("UP");

            long sent = System.nanoTime();
            HttpApi.Response write = admin.post("/v1/namespaces", Map.of("namespace_name", "unrouted",
                    "feature_extractors", List.of(Map.of("feature_extractor_name", "text_extractor", "version", "v1"))));

            // A bound far above what it takes (a second), far below a client's patience: it does not hang.
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(30));
            assertThat(write.status()).as(write.toString()).isEqualTo(503);
            assertThat(write.header("Retry-After")).isEqualTo("2");
            assertThat(write.text("error.type")).isEqualTo("ServiceUnavailableError");
            assertThat(output.getOut()).containsOnlyOnce("is unreachable at start");
        }
    }
}
