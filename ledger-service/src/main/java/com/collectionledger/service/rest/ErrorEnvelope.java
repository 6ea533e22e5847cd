package com.collectionledger.service.rest;

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
        response.setStatus(error.kind().status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(error));
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
        body.put("status", error.kind().status());
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("message", error.message());
        described.put("type", error.kind().type());
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
