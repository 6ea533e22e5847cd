package com.collectionledger.service.config;

import com.collectionledger.query.config.QuerySideSettings;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processors' tokens in the service's database, as Axon would keep them, with our claim timeout and
 * the node's name that the read model's coordination knows it by.
 */
@Configuration
class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          LedgerProperties settings, QuerySideSettings node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(settings.readModel().claimTimeout())
                .nodeId(node.nodeId())
                .build();
    }
}
