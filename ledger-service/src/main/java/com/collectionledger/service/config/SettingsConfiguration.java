package com.collectionledger.service.config;

import com.collectionledger.command.config.CommandSideSettings;
import com.collectionledger.query.config.QuerySideSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/** Binds {@link LedgerProperties} and hands each side the settings it takes. */
@Configuration
@EnableConfigurationProperties(LedgerProperties.class)
class SettingsConfiguration {

    @Bean
    CommandSideSettings commandSideSettings(LedgerProperties ledger) {
        return new CommandSideSettings(ledger.snapshotThreshold(), ledger.aggregateCacheSize());
    }

    @Bean
    QuerySideSettings querySideSettings(LedgerProperties ledger) {
        LedgerProperties.ReadModel readModel = ledger.readModel();
        return new QuerySideSettings(readModel.batchSize(), readModel.segments(), readModel.maxClaimedSegments(),
                readModel.claimTimeout(), readModel.replayDeadline(), nodeId());
    }

    /** The JVM's {@code pid@host}: what Axon's token store names a node by unless told otherwise. */
    private static String nodeId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
