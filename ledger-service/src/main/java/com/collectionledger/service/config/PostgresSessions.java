package com.collectionledger.service.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The settings of the PostgreSQL pool's sessions. Timeouts keep every transaction on PostgreSQL far shorter than the processors' gap timeout (Axon's
 * default: 60 s). An appending transaction that committed later than that would leave a gap the
 * read model has stopped waiting for, and its event would be skipped for good. So each session
 * gets a statement timeout and an idle-in-transaction timeout: a stuck writer is cut off and
 * rolled back instead. And the driver sends a JDBC batch of inserts as multi-row INSERT statements: the
 * read model inserts a batch's new rows (closure rows, list values) as one JDBC batch per table.
 */
@Component
class PostgresSessions implements BeanPostProcessor {

    /** Looked up when the pool is made: a post-processor that took them at once would bind them too early. */
    private final ObjectProvider<LedgerProperties> settings;

    PostgresSessions(ObjectProvider<LedgerProperties> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            LedgerProperties.Store store = settings.getObject().store();
            pool.setConnectionInitSql("SET statement_timeout = " + store.statementTimeout().toMillis()
                    + "; SET idle_in_transaction_session_timeout = " + store.idleInTransactionTimeout().toMillis());
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
