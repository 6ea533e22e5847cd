package com.collectionledger.service.rest;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.util.HashSet;
import java.util.Set;

/**
 * Where in the HTTP request a violation reported over the bus is. The sides locate a violation within
 * the message they checked ({@code [source, bucket_ids, 0]}); a route builds that message from its query
 * parameters and its body. A location that starts with one of the route's query parameters is under
 * {@code query}, any other under {@code body}.
 */
final class RequestLocations {

    private RequestLocations() {
    }

    /** The error with its violations placed in the request being answered. */
    static LedgerError placed(LedgerError error) {
        return error.violations().isEmpty() ? error : placed(error, queryParameters());
    }

    static LedgerError placed(LedgerError error, Set<String> queryParameters) {
        return new LedgerError(error.kind(), error.message(), error.details(), error.violations().stream()
                .map(v -> v.within(inQuery(v, queryParameters) ? "query" : "body"))
                .toList());
    }

    private static boolean inQuery(Violation violation, Set<String> queryParameters) {
        return !violation.location().isEmpty() && queryParameters.contains(violation.location().get(0));
    }

    /** The query parameters of the route answering this thread's request; none outside a route. */
    private static Set<String> queryParameters() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object handler = request == null ? null
                : request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Set<String> names = new HashSet<>();
        if (handler instanceof HandlerMethod route) {
            for (MethodParameter parameter : route.getMethodParameters()) {
                RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
                if (query != null) {
                    names.add(!query.name().isEmpty() ? query.name()
                            : !query.value().isEmpty() ? query.value() : parameter.getParameter().getName());
                }
            }
        }
        return names;
    }
}
