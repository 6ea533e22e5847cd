package com.collectionledger.service.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}.
 * Time comes from the clock it is given, so a test can drive it. In memory, so per node.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perSecond <= 0} turns the limit off. */
    public RateLimiter(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.clock = clock;
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    public double perSecond() {
        return perSecond;
    }

    public long burst() {
        return (long) burst;
    }

    /** Takes a token for {@code key}: {@link Duration#ZERO} when the request may go, else how long until one is free. */
    public Duration take(String key) {
        if (!enabled()) {
            return Duration.ZERO;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.instant())).take(clock.instant());
    }

    private final class Bucket {

        private double tokens;
        private Instant updated;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(Instant now) {
            // A clock that steps back (NTP) refills nothing rather than taking tokens away.
            double elapsedSeconds = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
            tokens = Math.min(burst, tokens + elapsedSeconds * perSecond);
            updated = now.isAfter(updated) ? now : updated;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        }
    }
}
