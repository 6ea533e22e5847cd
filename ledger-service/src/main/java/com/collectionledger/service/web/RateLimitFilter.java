package com.collectionledger.service.web;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.http.RequestAttributes;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code requests-per-second}.
 * Over the limit: 429 with Retry-After. In memory, so per node; 0 requests per second turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class RateLimitFilter extends OncePerRequestFilter {

    private final double perSecond;
    private final double burst;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${ledger.rate-limit.requests-per-second:100}") double perSecond,
                    @Value("${ledger.rate-limit.burst:200}") double burst, ObjectMapper json) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object keyId = request.getAttribute(RequestAttributes.KEY_ID);
        if (perSecond <= 0 || keyId == null) {
            chain.doFilter(request, response);
            return;
        }
        double waitSeconds = buckets.computeIfAbsent(keyId.toString(), id -> new Bucket(burst)).take(perSecond, burst);
        if (waitSeconds > 0) {
            long retryAfter = (long) Math.ceil(waitSeconds);
            LedgerError error = LedgerError.of(ErrorKind.RATE_LIMIT, "too many requests for this API key; retry in "
                    + retryAfter + " s", Map.of("retry_after_seconds", retryAfter,
                    "limit_per_second", perSecond, "burst", (long) burst));
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            ErrorEnvelope.write(response, error, json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class Bucket {

        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** Takes one token; answers 0, or how many seconds until one is available. */
        synchronized double take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }
}
