package com.collectionledger.service.rest;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.lifecycle.ShutdownInProgressException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures of the moment answer 503 with Retry-After; anything else unknown stays a 500. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(Duration.ofSeconds(2));

    @Test
    void aServiceShuttingDownIsUnavailableNotAnInternalError() {
        var response = handler.any(new CommandExecutionException("refused", new ShutdownInProgressException("stopping")));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(type(response.getBody())).isEqualTo("ServiceUnavailableError");
    }

    @Test
    void aStoreThatCannotBeReachedOrCutTheConnectionIsUnavailable() {
        assertThat(handler.any(new CannotGetJdbcConnectionException("pool exhausted")).getStatusCode().value())
                .isEqualTo(503);
        assertThat(handler.any(new IllegalStateException(new SQLException("terminating connection", "57P01")))
                .getStatusCode().value()).isEqualTo(503);
        assertThat(handler.any(new IllegalStateException(new SQLException("idle in transaction timeout", "25P03")))
                .getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void otherUnknownFailuresStayInternalErrorsWithoutDetails() {
        var response = handler.any(new IllegalStateException(new SQLException("syntax error", "42601")));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getFirst("Retry-After")).isNull();
        assertThat(response.getBody().toString()).doesNotContain("syntax error");
    }

    @SuppressWarnings("unchecked")
    private static String type(Map<String, Object> body) {
        return String.valueOf(((Map<String, Object>) body.get("error")).get("type"));
    }
}
