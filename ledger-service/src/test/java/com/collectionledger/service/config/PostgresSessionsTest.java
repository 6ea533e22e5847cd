package com.collectionledger.service.config;

import com.collectionledger.service.LedgerHttpTest;
import com.collectionledger.service.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every PostgreSQL session carries the configured statement and idle-in-transaction timeouts. */
class PostgresSessionsTest extends LedgerHttpTest {

    @Autowired
    LedgerProperties settings;

    @Test
    void postgresSessionsHaveTheConfiguredTimeouts() {
        assumeTrue(TestDatabase.POSTGRES, "PostgreSQL only");
        assertThat(millis("statement_timeout")).isEqualTo(settings.store().statementTimeout().toMillis());
        assertThat(millis("idle_in_transaction_session_timeout"))
                .isEqualTo(settings.store().idleInTransactionTimeout().toMillis());
    }

    private long millis(String setting) {
        return jdbc.queryForObject(
                "SELECT CAST(EXTRACT(EPOCH FROM CAST(current_setting(?) AS INTERVAL)) * 1000 AS BIGINT)", Long.class,
                setting);
    }
}
