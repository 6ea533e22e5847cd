package com.collectionledger.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Test-only: a request with {@value #HEADER} runs to the end, its command committed, but its answer is
 * thrown away and replaced by a 500, as when the connection to Axon Server or a proxy dropped after the
 * commit. It sits after the Idempotency-Key filter, which so sees a failed request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class LostResponseFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Test-Lose-Response";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Discarded(response));
        response.setStatus(500);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"success\": false, \"status\": 500, \"error\": {\"message\": "
                + "\"the answer was lost after the command committed\", \"type\": \"InternalServerError\", "
                + "\"details\": {}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A response whose status and body go nowhere. */
    private static final class Discarded extends HttpServletResponseWrapper {

        Discarded(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(getOutputStream());
        }

        @Override
        public void flushBuffer() {
        }
    }
}
