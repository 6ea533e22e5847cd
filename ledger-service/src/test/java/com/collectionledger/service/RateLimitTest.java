package com.collectionledger.service;

import com.collectionledger.service.rest.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API key gets a burst and a steady rate; beyond it, 429 RateLimitError with Retry-After.
 * The limiter runs on a clock the test moves, so the outcome never depends on the machine's speed.
 */
class RateLimitTest {

    private static final String KEY = "sk_test_rate_0123456789abcdefghijklmnopqrstuvw";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterUntilItsBucketRefills() {
        RateLimiter limiter = new RateLimiter(0.2, 5, clock); // a token every 5 s
        try (ConfigurableApplicationContext context = start(limiter)) {
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
            assertThat(limited.header("Retry-After")).isEqualTo("5");
            assertThat(limited.at("error.details.retry_after_seconds").asLong()).isEqualTo(5);
            assertThat(new HttpApi(port, other).post("/v1/namespaces/list", Map.of()).status())
                    .as("another key has a bucket of its own").isEqualTo(200);
            assertThat(new HttpApi(port, null).get("/actuator/health").status())
                    .as("health needs no key and is never limited").isEqualTo(200);

            clock.advance(Duration.ofSeconds(4));
            assertThat(admin.get("/v1/api-keys").header("Retry-After")).isEqualTo("1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(admin.get("/v1/api-keys").status()).as("refilled after Retry-After").isEqualTo(200);
            assertThat(admin.get("/v1/api-keys").status()).isEqualTo(429);
        }
    }

    private ConfigurableApplicationContext start(RateLimiter limiter) {
        String[] arguments = TestDatabase.freshStoreArguments(dataDir, "--server.port=0",
                "--ledger.bootstrap-api-key=" + KEY);
        return new SpringApplicationBuilder(LedgerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("rateLimiter", limiter))
                .run(arguments);
    }
}
