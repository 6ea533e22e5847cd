package com.collectionledger.service.rest;

import com.collectionledger.service.rest.RequestAttributes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an ID: the client's {@code X-Request-ID} when it is sane, else a new one. It is
 * echoed in the response, put in the log context and (via the audit interceptor) on the events.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(RequestAttributes.REQUEST_ID_HEADER);
        String requestId = given != null && SANE.matcher(given).matches() ? given : "req_" + UUID.randomUUID();
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        response.setHeader(RequestAttributes.REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
