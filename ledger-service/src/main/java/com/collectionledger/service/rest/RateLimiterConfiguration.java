package com.collectionledger.service.rest;

import com.collectionledger.service.config.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class RateLimiterConfiguration {

    /** On the service's clock; a limiter registered before start-up (a test's, on its own clock) replaces it. */
    @Bean
    @ConditionalOnMissingBean
    RateLimiter rateLimiter(LedgerProperties settings, Clock clock) {
        return new RateLimiter(settings.rateLimit().requestsPerSecond(), settings.rateLimit().burst(), clock);
    }
}
