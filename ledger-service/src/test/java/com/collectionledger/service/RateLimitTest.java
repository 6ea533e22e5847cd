package com.collectionledger.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each API key gets a burst and a steady rate; beyond it, 429 RateLimitError with Retry-After. */
class RateLimitTest {

    private static final String KEY = "sk_test_rate_0123456789abcdefghijklmnopqrstuvw";

    @TempDir
    Path dataDir;

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAndOtherKeysDoNot() {
        String[] arguments = TestDatabase.freshStoreArguments(dataDir, "--server.port=0",
                "--ledger.bootstrap-api-key=" + KEY, "--ledger.rate-limit.requests-per-second=0.2",
                "--ledger.rate-limit.burst=5");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class).run(arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpApi admin = new HttpApi(port, KEY);
            String other = admin.post("/v1/api-keys", Map.of("name", "other", "permissions", List.of("read"),
                    "namespaces", List.of("*"))).text("key");
            for (int i = 0; i < 4; i++) { // with the key creation, the burst of 5
                assertThat(admin.get("/v1/api-keys").status()).isEqualTo(200);
            }

            HttpApi.Response limited = admin.get("/v1/api-keys");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.text("error.type")).isEqualTo("RateLimitError");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
            assertThat(limited.at("error.details.retry_after_seconds").asLong())
                    .isEqualTo(Long.parseLong(limited.header("Retry-After")));
            assertThat(new HttpApi(port, other).post("/v1/namespaces/list", Map.of()).status()).isEqualTo(200);
            assertThat(new HttpApi(port, null).get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
