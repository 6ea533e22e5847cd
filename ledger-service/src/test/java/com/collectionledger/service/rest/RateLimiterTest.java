package com.collectionledger.service.rest;

import com.collectionledger.service.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on a clock the test drives: no test here depends on how fast it runs. */
class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aKeyGetsItsBurstAtOnceThenWaits() {
        RateLimiter limiter = new RateLimiter(2, 3, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("key")).isZero();
        }

        assertThat(limiter.take("key")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensRefillAtTheRateAndNeverBeyondTheBurst() {
        RateLimiter limiter = new RateLimiter(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            limiter.take("key");
        }

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.take("key")).as("one token after half a second").isZero();
        assertThat(limiter.take("key")).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("key")).isZero();
        }
        assertThat(limiter.take("key")).as("an idle hour refills the burst, no more").isPositive();
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        assertThat(limiter.take("a")).isZero();

        assertThat(limiter.take("a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.take("b")).isZero();
    }

    @Test
    void aClockThatStepsBackRefillsNothing() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        limiter.take("key");

        clock.advance(Duration.ofSeconds(-30));

        assertThat(limiter.take("key")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void zeroPerSecondTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, 1, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.take("key")).isZero();
        }
    }
}
