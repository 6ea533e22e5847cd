package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.service.rest.RequestAttributes;
import com.collectionledger.command.directory.JdbcDirectory;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.service.security.AccessLookups;
import com.collectionledger.service.security.ApiKey;
import com.collectionledger.service.security.ApiKeyStore;
import com.collectionledger.service.security.Permission;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authentication and authorization of every {@code /v1} route: a Bearer API key (401), the
 * permission the route needs (403), and for namespaced resources the {@code X-Namespace} header:
 * missing is a 400, unknown a 404, outside the key's namespaces a 403. A namespace read by a key
 * that may not use it is a 404, indistinguishable from one that does not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyStore keys;
    private final JdbcDirectory directory;
    private final AccessLookups lookups;
    private final ObjectMapper json;

    ApiKeyFilter(ApiKeyStore keys, JdbcDirectory directory, AccessLookups lookups, ObjectMapper json) {
        this.keys = keys;
        this.directory = directory;
        this.lookups = lookups;
        this.json = json;
    }

    /** Outside /v1, and the extractor catalog: public data, with no security in Mixpeek's OpenAPI either. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith("/v1/") || isCatalog(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Optional<ApiKey> authenticated = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authenticated = lookups.key(authorization.substring(7).trim(), keys::authenticate);
        }
        if (authenticated.isEmpty()) {
            // Missing, malformed, unknown, revoked and expired keys all get this one answer.
            reject(response, LedgerError.of(ErrorKind.AUTHENTICATION,
                    "a valid API key is required: Authorization: Bearer sk_..."));
            return;
        }
        ApiKey key = authenticated.get();
        request.setAttribute(RequestAttributes.KEY_ID, key.keyId());
        request.setAttribute(RequestAttributes.KEY_NAME, key.name());
        request.setAttribute(RequestAttributes.NAMESPACE_SCOPE, key.namespaces());
        String path = path(request);
        Permission required = RoutePermissions.required(request.getMethod(), path);
        if (!key.may(required)) {
            reject(response, LedgerError.of(ErrorKind.PERMISSION_DENIED,
                    "this API key lacks the '" + required.wireName() + "' permission this route needs"));
            return;
        }
        if (namespaced(path)) {
            String identifier = request.getHeader(RequestAttributes.NAMESPACE_HEADER);
            if (identifier == null || identifier.isBlank()) {
                reject(response, LedgerError.of(ErrorKind.BAD_REQUEST, "the X-Namespace header is required"));
                return;
            }
            Optional<Directory.NamespaceEntry> namespace = namespace(identifier.trim());
            if (namespace.isEmpty()) {
                reject(response, LedgerError.of(ErrorKind.NOT_FOUND, "namespace '" + identifier + "' not found"));
                return;
            }
            if (!key.mayUse(namespace.get().namespaceId(), namespace.get().namespaceName())) {
                reject(response, LedgerError.of(ErrorKind.PERMISSION_DENIED,
                        "this API key may not use namespace '" + identifier + "'"));
                return;
            }
            request.setAttribute(RequestAttributes.NAMESPACE_ID, namespace.get().namespaceId());
        } else if (namespaceClone(request.getMethod(), path)) {
            // Like reading the source namespace: one the key may not use is as if it did not exist. The new
            // name, like a created namespace's, is not checked against the key's scope.
            String identifier = path.substring("/v1/namespaces/".length(), path.length() - "/clone".length());
            Optional<Directory.NamespaceEntry> source = namespace(identifier)
                    .filter(namespace -> key.mayUse(namespace.namespaceId(), namespace.namespaceName()));
            if (source.isEmpty()) {
                reject(response, LedgerError.of(ErrorKind.NOT_FOUND, "namespace '" + identifier + "' not found"));
                return;
            }
            request.setAttribute(RequestAttributes.NAMESPACE_ID, source.get().namespaceId());
        } else if (RoutePermissions.isNamespace(path)) {
            // Reading or changing a namespace the key may not use: as if it did not exist.
            String identifier = path.substring("/v1/namespaces/".length());
            Optional<Directory.NamespaceEntry> namespace = namespace(identifier);
            if (namespace.isPresent() && !key.mayUse(namespace.get().namespaceId(), namespace.get().namespaceName())) {
                reject(response, LedgerError.of(ErrorKind.NOT_FOUND, "namespace '" + identifier + "' not found"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Kept for a moment (see AccessLookups): every request of a client names the same one. */
    private Optional<Directory.NamespaceEntry> namespace(String identifier) {
        return lookups.namespace(identifier, directory::namespaceByIdOrName);
    }

    private static boolean isCatalog(String path) {
        return path.equals("/v1/collections/features/extractors")
                || path.startsWith("/v1/collections/features/extractors/");
    }

    /** Buckets, collections and templates live in a namespace; namespaces do not. */
    private static boolean namespaced(String path) {
        return path.equals("/v1/buckets") || path.startsWith("/v1/buckets/")
                || path.equals("/v1/collections") || path.startsWith("/v1/collections/")
                || path.startsWith("/v1/templates/");
    }

    /** {@code POST /v1/namespaces/{source}/clone}: the source namespace is in the path. */
    private static boolean namespaceClone(String method, String path) {
        return "POST".equals(method) && path.startsWith("/v1/namespaces/") && path.endsWith("/clone")
                && path.indexOf('/', 15) == path.length() - "/clone".length();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void reject(HttpServletResponse response, LedgerError error) throws IOException {
        if (error.kind() == ErrorKind.AUTHENTICATION) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ErrorEnvelope.write(response, error, json);
    }
}
