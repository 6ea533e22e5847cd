package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.service.rest.RequestAttributes;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Over its key's {@link RateLimiter} limit a request gets 429 with Retry-After; requests without a key pass. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ObjectMapper json;

    RateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object keyId = request.getAttribute(RequestAttributes.KEY_ID);
        Duration wait = keyId == null ? Duration.ZERO : limiter.take(keyId.toString());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (wait.toMillis() + 999) / 1000);
        LedgerError error = LedgerError.of(ErrorKind.RATE_LIMIT, "too many requests for this API key; retry in "
                + retryAfter + " s", Map.of("retry_after_seconds", retryAfter,
                "limit_per_second", limiter.perSecond(), "burst", limiter.burst()));
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        ErrorEnvelope.write(response, error, json);
    }
}
