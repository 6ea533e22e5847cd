package com.collectionledger.service.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Keeps every transaction on PostgreSQL far shorter than the processors' gap timeout (Axon's
 * default: 60 s). An appending transaction that committed later than that would leave a gap the
 * read model has stopped waiting for, and its event would be skipped for good. So each session
 * gets a statement timeout and an idle-in-transaction timeout: a stuck writer is cut off and
 * rolled back instead.
 */
@Component
class StoreTimeouts implements BeanPostProcessor {

    private final Duration statementTimeout;
    private final Duration idleInTransactionTimeout;

    StoreTimeouts(@Value("${ledger.store.statement-timeout:10s}") Duration statementTimeout,
                  @Value("${ledger.store.idle-in-transaction-timeout:10s}") Duration idleInTransactionTimeout) {
        this.statementTimeout = statementTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.setConnectionInitSql("SET statement_timeout = " + statementTimeout.toMillis()
                    + "; SET idle_in_transaction_session_timeout = " + idleInTransactionTimeout.toMillis());
        }
        return bean;
    }
}
