package com.collectionledger.service;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * collection-ledger: the command side, the query side and the HTTP API in one process.
 * Axon's JPA storage is excluded so its JDBC engine stores events, tokens and dead letters.
 */
@SpringBootApplication(scanBasePackages = "com.collectionledger",
        exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
