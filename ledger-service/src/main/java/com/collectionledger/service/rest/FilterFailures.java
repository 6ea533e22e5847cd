package com.collectionledger.service.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * A failure in a filter (the key store or the idempotency store unreachable) gets the same envelope a
 * route's failure gets from {@link ApiExceptionHandler}, 503 with Retry-After included, instead of
 * Spring's default error page. Right after the request ID filter, so every later filter is covered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FilterFailures extends OncePerRequestFilter {

    private final ApiExceptionHandler handler;
    private final ObjectMapper json;

    FilterFailures(ApiExceptionHandler handler, ObjectMapper json) {
        this.handler = handler;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            ResponseEntity<Map<String, Object>> answer = handler.any(failure);
            response.resetBuffer();
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), answer.getBody());
        }
    }
}
