package com.collectionledger.service.contract;

import com.collectionledger.service.contract.OpenApiDocument.Expectation;
import com.collectionledger.service.contract.OpenApiDocument.Route;
import com.networknt.schema.Error;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * Checks one HTTP response against the response schema that an {@link OpenApiDocument} gives its route and
 * status. Pure: it records nothing and throws nothing for a violation; {@link OpenApiContract} decides what
 * a violation does to the test.
 */
public final class OpenApiContractChecker {

    /** How many validation messages a verdict keeps at most. */
    static final int MAX_MESSAGES = 50;

    private final OpenApiDocument document;

    public OpenApiContractChecker(OpenApiDocument document) {
        this.document = document;
    }

    /**
     * @param method the request's method
     * @param path   the request's path, with or without a query string
     * @param status the response's status code
     * @param body   the response's body as received (null or blank for none)
     */
    public Verdict check(String method, String path, int status, String body) {
        Optional<Route> found = document.route(method, path);
        if (found.isEmpty()) {
            return Verdict.skipped(method, path, status);
        }
        Route route = found.get();
        Expectation expected = document.expectation(route, status);
        boolean empty = body == null || body.isBlank();
        return switch (expected.kind()) {
            case UNDECLARED -> Verdict.violation(route, status, expected, List.of(undeclared(status, body)));
            case NOT_JSON -> Verdict.valid(route, status, expected);
            case NO_BODY -> empty ? Verdict.valid(route, status, expected)
                    : Verdict.violation(route, status, expected, List.of("body present where the document declares none"));
            case DECLARED, ERROR_ENVELOPE -> empty
                    ? Verdict.violation(route, status, expected, List.of("empty body where the document declares application/json"))
                    : validate(route, status, expected, body);
        };
    }

    /** Says, to help triage, whether the body would at least be the document's error envelope. */
    private String undeclared(int status, String body) {
        String message = "undeclared status: the document declares " + status + " neither for this operation nor as "
                + (status >= 400 && status < 500 ? "an error envelope" : "a 4xx error envelope");
        String envelope = document.errorEnvelopePointer();
        if (envelope == null || body == null || body.isBlank()) {
            return message;
        }
        try {
            boolean fits = document.schemaAt(envelope).validate(OpenApiDocument.JSON.readTree(body)).isEmpty();
            String name = envelope.substring(envelope.lastIndexOf('/') + 1);
            return message + (fits ? " (the body is a valid " : " (the body is not even a valid ") + name + ")";
        } catch (JsonProcessingException e) {
            return message + " (the body is not JSON)";
        }
    }

    private Verdict validate(Route route, int status, Expectation expected, String body) {
        JsonNode json;
        try {
            json = OpenApiDocument.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Verdict.violation(route, status, expected, List.of("body is not JSON: " + e.getOriginalMessage()));
        }
        List<Error> errors = document.schemaAt(expected.schemaPointer()).validate(json);
        if (errors.isEmpty()) {
            return Verdict.valid(route, status, expected);
        }
        List<String> messages = errors.stream().limit(MAX_MESSAGES).map(OpenApiContractChecker::describe).toList();
        return Verdict.violation(route, status, expected, messages);
    }

    /** {@code $.results[0].feature_extractor: required property 'version' not found}. */
    static String describe(Error error) {
        String where = error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        return message.startsWith(where) ? message : where + ": " + message;
    }

    /** The outcome for one response. */
    public record Verdict(Outcome outcome, String route, int status, String schemaName, List<String> messages) {

        public enum Outcome {
            /** The document has no such operation: not checked. */
            SKIPPED,
            VALID,
            VIOLATION
        }

        static Verdict skipped(String method, String path, int status) {
            return new Verdict(Outcome.SKIPPED, method + " " + path, status, null, List.of());
        }

        static Verdict valid(Route route, int status, Expectation expected) {
            return new Verdict(Outcome.VALID, route.toString(), status, expected.schemaName(), List.of());
        }

        static Verdict violation(Route route, int status, Expectation expected, List<String> messages) {
            return new Verdict(Outcome.VIOLATION, route.toString(), status, expected.schemaName(), List.copyOf(messages));
        }

        public boolean violated() {
            return outcome == Outcome.VIOLATION;
        }
    }
}
