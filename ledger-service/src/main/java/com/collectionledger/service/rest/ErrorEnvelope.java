package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error body: {@code {"success": false, "status", "error": {"message", "type", "details"}}}. A 422
 * carries both shapes, so that Mixpeek's documented envelope and its SDK's parser both read it:
 * {@code error.details.validation_errors} and the FastAPI-style top-level {@code detail}.
 */
final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    /** Answers a request with the error, from a filter (before any controller or advice runs). */
    static void write(HttpServletResponse response, LedgerError error, ObjectMapper json) throws IOException {
        response.setStatus(status(error.kind()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(error));
    }

    /** The HTTP status of each kind of error: the one place a kind becomes a status. */
    static int status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PAYLOAD_TOO_LARGE -> 413;
            case VALIDATION -> 422;
            case RATE_LIMIT -> 429;
            case SERVICE_UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** The envelope's {@code error.type} of each kind, as Mixpeek names it. */
    static String type(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> "BadRequestError";
            case AUTHENTICATION -> "AuthenticationError";
            case PERMISSION_DENIED -> "PermissionDeniedError";
            case NOT_FOUND -> "NotFoundError";
            case ALREADY_EXISTS -> "AlreadyExistsError";
            case CONFLICT -> "ConflictError";
            case PRECONDITION_FAILED -> "PreconditionFailedError";
            case PAYLOAD_TOO_LARGE -> "PayloadTooLargeError";
            case VALIDATION -> "ValidationError";
            case RATE_LIMIT -> "RateLimitError";
            case SERVICE_UNAVAILABLE -> "ServiceUnavailableError";
            case INTERNAL -> "InternalServerError";
        };
    }

    static Map<String, Object> of(LedgerError error) {
        Map<String, Object> details = new LinkedHashMap<>(error.details());
        List<Violation> violations = error.violations();
        if (!violations.isEmpty()) {
            details.put("validation_errors", violations.stream()
                    .map(v -> Map.of("type", v.type(), "location", v.location(), "message", v.message()))
                    .toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("status", status(error.kind()));
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("message", error.message());
        described.put("type", type(error.kind()));
        described.put("details", details);
        body.put("error", described);
        if (!violations.isEmpty()) {
            body.put("detail", violations.stream()
                    .map(v -> Map.of("loc", v.location(), "msg", v.message(), "type", v.type()))
                    .toList());
        }
        return body;
    }
}
