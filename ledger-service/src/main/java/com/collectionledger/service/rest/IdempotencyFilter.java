package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.service.rest.ErrorEnvelope;
import com.collectionledger.support.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on create, clone, template capture and instantiation. The same key with the
 * same request (within 24 h) answers what the first one was answered and stores nothing new; with
 * another request it is a 422. Two identical requests at once: one runs, the other waits for its answer.
 * <p>
 * Only 2xx answers are kept here; a failed request lets go of its key. Its command carries the key and the
 * request's hash, and the command side records the command's result with its events: so a retry of a
 * request whose command committed but whose answer failed (a connection dropped, the node died) is
 * answered, by the command side, what that command did, and the route builds the same answer again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Clone, and the template routes that create: capture and instantiation. */
    private static final Pattern CREATING = Pattern.compile("/v1/collections/[^/]+/clone"
            + "|/v1/templates/collections/(from-collection/[^/]+|[^/]+/instantiate)");
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final long WAIT_MILLIS = 15_000;
    /** The key was used with another request, found here or by the command side. */
    static final LedgerError REUSED = LedgerError.invalid(List.of(Violation.at(
            "this Idempotency-Key was used with a different request in the last 24 hours",
            "idempotency_key_reused", "header", HEADER)));

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/v1/collections") || CREATING.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String apiKeyId = (String) request.getAttribute(RequestAttributes.KEY_ID);
        if (apiKeyId == null) {
            chain.doFilter(request, response); // not authenticated: the key filter already answered
            return;
        }
        if (!SANE_KEY.matcher(key).matches()) {
            ErrorEnvelope.write(response, LedgerError.of(ErrorKind.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters"), json);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!store.claim(apiKeyId, key, hash)) {
            Optional<IdempotencyStore.Record> earlier = store.find(apiKeyId, key);
            if (earlier.isEmpty()) {
                continue; // the first request failed and let go of the key: run this one
            }
            if (!earlier.get().requestHash().equals(hash)) {
                ErrorEnvelope.write(response, REUSED, json);
                return;
            }
            if (earlier.get().finished()) {
                response.setHeader("Idempotent-Replayed", "true");
                write(response, earlier.get().status(), earlier.get().body());
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                ErrorEnvelope.write(response, LedgerError.of(ErrorKind.CONFLICT,
                        "a request with this Idempotency-Key is still being processed; retry later"), json);
                return;
            }
            pause();
        }
        request.setAttribute(RequestAttributes.IDEMPOTENCY_KEY, key);
        request.setAttribute(RequestAttributes.REQUEST_HASH, hash);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                store.complete(apiKeyId, key, recorded.getStatus(),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(apiKeyId, key); // only successes are remembered; a failed request may be retried
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerError.of(ErrorKind.INTERNAL, "interrupted"));
        }
    }

    /** The request as sent: method, path, query, namespace and body. */
    private static String hash(HttpServletRequest request, byte[] body) {
        String head = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                + " " + request.getAttribute(RequestAttributes.NAMESPACE_ID) + "\n";
        return new Sha256().add(head).add(body).hex();
    }

    /** Replays a stored answer as it was. */
    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body read once into memory (it is at most the body size limit). */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
