package com.collectionledger.service.security;

import com.collectionledger.service.config.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class AccessLookupsConfiguration {

    /** On the service's clock; lookups registered before start-up (a test's, on its own clock) replace them. */
    @Bean
    @ConditionalOnMissingBean
    AccessLookups accessLookups(LedgerProperties settings, Clock clock) {
        return new AccessLookups(settings.security().lookupCacheTtl(), clock);
    }
}
