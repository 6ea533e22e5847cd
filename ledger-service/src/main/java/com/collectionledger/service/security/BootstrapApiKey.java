package com.collectionledger.service.security;

import com.collectionledger.service.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can call the API: {@code LEDGER_BOOTSTRAP_API_KEY} becomes a working admin key
 * (once; later starts find it), and when there is no key at all one is generated and printed to
 * standard output once. The secret never goes through the logger.
 */
@Component
class BootstrapApiKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapApiKey.class);

    private final ApiKeyStore keys;
    private final String bootstrapSecret;

    BootstrapApiKey(ApiKeyStore keys, LedgerProperties settings) {
        this.keys = keys;
        this.bootstrapSecret = settings.bootstrapApiKey();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!bootstrapSecret.isBlank()) {
            if (!ApiKeyStore.wellFormed(bootstrapSecret)) {
                throw new IllegalStateException("LEDGER_BOOTSTRAP_API_KEY must be 'sk_' followed by at least 32 "
                        + "printable characters");
            }
            if (!keys.exists(bootstrapSecret)) {
                String keyId = keys.storeAdminKey("bootstrap", bootstrapSecret);
                log.info("stored the bootstrap API key as {}", keyId);
            }
            return;
        }
        if (keys.isEmpty()) {
            String secret = ApiKeyStore.newSecret();
            String keyId = keys.storeAdminKey("generated", secret);
            System.out.println("""

                    ==================================================================
                    No API key existed, so one admin key was generated (%s).
                    It is shown this once and stored only as a hash:

                        %s

                    ==================================================================
                    """.formatted(keyId, secret));
        }
    }
}
