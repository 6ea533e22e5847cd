package com.collectionledger.service;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * collection-ledger: the command side, the query side and the HTTP API, in one process or split by
 * role. The sides and the write and read routes are scanned by RoleConfiguration, as the node's role
 * says; this scans the rest of the service. Axon's JPA storage is excluded so its JDBC engine stores
 * events, tokens and dead letters.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.collectionledger\\.service\\.rest\\.(write|read)\\..*")})
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
