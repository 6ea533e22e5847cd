package com.collectionledger.service.web;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.http.RequestAttributes;
import com.collectionledger.command.directory.JdbcDirectory;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.service.security.ApiKey;
import com.collectionledger.service.security.ApiKeyStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authentication of every {@code /v1} route (Bearer API key) and, for namespaced resources, the
 * {@code X-Namespace} header: missing is a 400, unknown a 404, not allowed for the key a 403.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyStore keys;
    private final JdbcDirectory directory;
    private final ObjectMapper json;

    ApiKeyFilter(ApiKeyStore keys, JdbcDirectory directory, ObjectMapper json) {
        this.keys = keys;
        this.directory = directory;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Optional<ApiKey> key = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = keys.authenticate(authorization.substring(7).trim());
        }
        if (key.isEmpty()) {
            // Missing, malformed, unknown, revoked and expired keys all get this one answer.
            reject(response, LedgerError.of(ErrorKind.AUTHENTICATION,
                    "a valid API key is required: Authorization: Bearer sk_..."));
            return;
        }
        request.setAttribute(RequestAttributes.KEY_ID, key.get().keyId());
        request.setAttribute(RequestAttributes.KEY_NAME, key.get().name());
        if (adminOnly(request) && !key.get().permissions().contains("admin")) {
            reject(response, LedgerError.of(ErrorKind.PERMISSION_DENIED, "this route needs an admin key"));
            return;
        }
        if (namespaced(path(request))) {
            String identifier = request.getHeader(RequestAttributes.NAMESPACE_HEADER);
            if (identifier == null || identifier.isBlank()) {
                reject(response, LedgerError.of(ErrorKind.BAD_REQUEST, "the X-Namespace header is required"));
                return;
            }
            Optional<Directory.NamespaceEntry> namespace = directory.namespaceByIdOrName(identifier.trim());
            if (namespace.isEmpty()) {
                reject(response, LedgerError.of(ErrorKind.NOT_FOUND, "namespace '" + identifier + "' not found"));
                return;
            }
            if (!mayUse(key.get(), namespace.get())) {
                reject(response, LedgerError.of(ErrorKind.PERMISSION_DENIED,
                        "this API key may not use namespace '" + identifier + "'"));
                return;
            }
            request.setAttribute(RequestAttributes.NAMESPACE_ID, namespace.get().namespaceId());
        }
        chain.doFilter(request, response);
    }

    private static boolean mayUse(ApiKey key, Directory.NamespaceEntry namespace) {
        return key.namespaces().contains("*") || key.namespaces().contains(namespace.namespaceId())
                || key.namespaces().contains(namespace.namespaceName());
    }

    /** Operator routes and creating namespaces are for admin keys. */
    private static boolean adminOnly(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/v1/admin/")
                || ("POST".equals(request.getMethod()) && path.equals("/v1/namespaces"));
    }

    /** Buckets and collections live in a namespace; the extractor catalog and namespaces do not. */
    private static boolean namespaced(String path) {
        if (path.equals("/v1/collections/features/extractors")
                || path.startsWith("/v1/collections/features/extractors/")) {
            return false;
        }
        return path.equals("/v1/buckets") || path.startsWith("/v1/buckets/")
                || path.equals("/v1/collections") || path.startsWith("/v1/collections/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void reject(HttpServletResponse response, LedgerError error) throws IOException {
        response.setStatus(error.kind().status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (error.kind() == ErrorKind.AUTHENTICATION) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), ErrorEnvelope.of(error));
    }
}
