package com.collectionledger.service.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Has the PostgreSQL driver send a JDBC batch of inserts as multi-row INSERT statements: the read model's
 * projections insert a clone's closure rows (up to 101) and list values as one batch, which the server then
 * executes as a few statements instead of one per row. H2 is left as it is (it has no such setting).
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
