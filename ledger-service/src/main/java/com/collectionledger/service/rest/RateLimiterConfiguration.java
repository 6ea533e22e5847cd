package com.collectionledger.service.rest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class RateLimiterConfiguration {

    /** On the service's clock; a limiter registered before start-up (a test's, on its own clock) replaces it. */
    @Bean
    @ConditionalOnMissingBean
    RateLimiter rateLimiter(@Value("${ledger.rate-limit.requests-per-second:100}") double perSecond,
                            @Value("${ledger.rate-limit.burst:200}") double burst, Clock clock) {
        return new RateLimiter(perSecond, burst, clock);
    }
}
