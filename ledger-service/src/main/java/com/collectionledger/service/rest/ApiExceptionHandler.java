package com.collectionledger.service.rest;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.collectionledger.service.config.LedgerProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.lifecycle.ShutdownInProgressException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Every failure becomes the error envelope ({@link ErrorEnvelope}), in this one place. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Axon Server's codes for a message it could not route: no handler connected, or dispatching failed. */
    private static final Set<ErrorCode> NOT_ROUTED = EnumSet.of(ErrorCode.CONNECTION_FAILED,
            ErrorCode.NO_HANDLER_FOR_COMMAND, ErrorCode.COMMAND_DISPATCH_ERROR, ErrorCode.NO_HANDLER_FOR_QUERY,
            ErrorCode.QUERY_DISPATCH_ERROR, ErrorCode.INSTRUCTION_ACK_ERROR);
    /** Two changes of one collection raced for the same version; this one lost. */
    private static final LedgerError VERSION_CONFLICT = LedgerError.of(ErrorKind.CONFLICT,
            "the collection was changed by another request at the same time; read it again and retry");
    private static final LedgerError INTERNAL = LedgerError.of(ErrorKind.INTERNAL,
            "internal error; quote the X-Request-ID when reporting it");

    private final long retryAfterSeconds;
    private final LedgerError unavailable;
    private final BooleanSupplier axonServerUnreachable;

    @Autowired
    ApiExceptionHandler(LedgerProperties settings, ObjectProvider<AxonServerConnectionManager> axonServer) {
        this(settings.retryAfter(), () -> {
            AxonServerConnectionManager connections = axonServer.getIfAvailable();
            return connections != null && !connections.isConnected(connections.getDefaultContext());
        });
    }

    ApiExceptionHandler(Duration retryAfter) {
        this(retryAfter, () -> false);
    }

    /**
     * @param axonServerUnreachable whether this node has no connection to Axon Server now (never without
     *                              it): the connector then fails calls in ways that name no outage
     */
    ApiExceptionHandler(Duration retryAfter, BooleanSupplier axonServerUnreachable) {
        this.axonServerUnreachable = axonServerUnreachable;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.unavailable = LedgerError.of(ErrorKind.SERVICE_UNAVAILABLE,
                "the service cannot take this request now; retry in " + retryAfterSeconds + " s",
                Map.of("retry_after_seconds", retryAfterSeconds));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // Jackson wraps what it meets inside a field (bad syntax, a stream limit, a body cut off at the
        // size limit) in a mapping exception with that field's path: look through the whole chain.
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(ErrorEnvelope.status(ErrorKind.PAYLOAD_TOO_LARGE)).header("Connection", "close")
                        .body(ErrorEnvelope.of(tooLarge.error()));
            }
            if (t instanceof StreamConstraintsException) {
                return respond(LedgerError.of(ErrorKind.BAD_REQUEST,
                        "the request body is nested or sized beyond what this service reads"));
            }
            if (t instanceof StreamReadException || isTrailingContent(t)) {
                return respond(LedgerError.of(ErrorKind.BAD_REQUEST, "the request body is not valid JSON"));
            }
        }
        if (cause instanceof JsonMappingException mapping) {
            return respond(mappingError(mapping));
        }
        String message = cause == null ? "the request body is missing" : "the request body is not valid JSON";
        return respond(LedgerError.of(ErrorKind.BAD_REQUEST, message));
    }

    /** More after the one JSON value of a body (FAIL_ON_TRAILING_TOKENS): malformed, like bad syntax. */
    private static boolean isTrailingContent(Throwable t) {
        return t instanceof MismatchedInputException && t.getMessage() != null
                && t.getMessage().startsWith("Trailing token");
    }

    @ExceptionHandler(JsonMappingException.class)
    ResponseEntity<Map<String, Object>> mapping(JsonMappingException e) {
        return respond(mappingError(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(LedgerError.invalid(List.of(Violation.at("'" + e.getName() + "' has the wrong type",
                "type_error", "query", e.getName()))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return respond(LedgerError.of(ErrorKind.BAD_REQUEST, "the " + e.getHeaderName() + " header is required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(LedgerError.of(ErrorKind.BAD_REQUEST, "the request body must be application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        Map<String, Object> body = ErrorEnvelope.of(LedgerError.of(ErrorKind.BAD_REQUEST,
                e.getMethod() + " is not supported on this route"));
        body.put("status", 405);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = new java.util.LinkedHashMap<>((Map<String, Object>) body.get("error"));
        error.put("type", "MethodNotAllowedError");
        body.put("error", error);
        return ResponseEntity.status(405).body(body);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return respond(LedgerError.of(ErrorKind.NOT_FOUND, "no route " + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> any(Exception e) {
        LedgerError error = ledgerError(e).orElseGet(() -> {
            if (isUnavailable(e)) {
                log.warn("request refused while the service, its store or Axon Server is unavailable: {}",
                        e.toString());
                return unavailable;
            }
            if (axonServerUnreachable.getAsBoolean()) {
                log.warn("request failed while Axon Server is unreachable: {}", e.toString());
                return unavailable;
            }
            if (isVersionConflict(e)) {
                return VERSION_CONFLICT;
            }
            log.error("request failed", e);
            return INTERNAL;
        });
        if (error.kind() == ErrorKind.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(ErrorEnvelope.status(ErrorKind.SERVICE_UNAVAILABLE))
                    .header("Retry-After", String.valueOf(retryAfterSeconds)).body(ErrorEnvelope.of(error));
        }
        return respond(error);
    }

    /**
     * Failures of the moment, not of the request: the service is shutting down; the store's connection
     * failed, timed out or was cut off (SQL states 08, 57P, 25P03); or Axon Server could not be reached,
     * had no handler connected for the message, or did not answer in time. Retrying later may succeed;
     * a write that may have happened meanwhile is answered, on retry with its Idempotency-Key, as it was.
     */
    private static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ShutdownInProgressException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof NoHandlerForCommandException || t instanceof NoHandlerForQueryException
                    || t instanceof CommandDispatchException || t instanceof AxonServerQueryDispatchException
                    || t instanceof io.axoniq.axonserver.connector.AxonServerException
                    || t instanceof AxonServerException server && NOT_ROUTED.contains(server.errorCode())
                    || t instanceof StatusRuntimeException grpc && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
                            || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("25P03"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two writers appended the same sequence number of one aggregate: Axon reports it as a
     * ConcurrencyException, or as an EventStoreException over the unique-key violation.
     */
    private static boolean isVersionConflict(Throwable e) {
        boolean eventStore = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            eventStore |= t instanceof EventStoreException;
            if (eventStore && t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The typed error inside whatever wrapped it: a completion, a command result, a remote call. What
     * came over the bus has its violations placed in the request; this adapter's own are placed already.
     */
    private Optional<LedgerError> ledgerError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidRequest invalid) {
                return Optional.of(invalid.error());
            }
            if (t instanceof LedgerException ledger) {
                return Optional.of(RequestLocations.placed(ledger.error()));
            }
            if (t instanceof CommandExecutionException command
                    && command.getDetails().orElse(null) instanceof LedgerError error) {
                return Optional.of(fromBus(error));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The command bus types failures of the moment and unknown ones too (and logs the latter); answered as ours. */
    private LedgerError fromBus(LedgerError error) {
        return switch (error.kind()) {
            case SERVICE_UNAVAILABLE -> unavailable;
            case INTERNAL -> INTERNAL;
            default -> isIdempotencyKeyReused(error) ? IdempotencyFilter.REUSED : RequestLocations.placed(error);
        };
    }

    /** Over HTTP, the command's idempotency key is the request's Idempotency-Key header. */
    private static boolean isIdempotencyKeyReused(LedgerError error) {
        return error.kind() == ErrorKind.VALIDATION && error.violations().size() == 1
                && error.violations().get(0).type().equals("idempotency_key_reused")
                && error.violations().get(0).location().equals(List.of(AuditMetadata.IDEMPOTENCY_KEY));
    }

    private static LedgerError mappingError(JsonMappingException e) {
        List<String> location = new ArrayList<>();
        location.add("body");
        for (JsonMappingException.Reference reference : e.getPath()) {
            location.add(reference.getFieldName() != null ? reference.getFieldName()
                    : String.valueOf(reference.getIndex()));
        }
        String field = location.size() > 1 ? String.join(".", location.subList(1, location.size())) : "the body";
        String message = e instanceof UnrecognizedPropertyException
                ? "'" + field + "' is not a known field"
                : "'" + field + "' has the wrong type or shape";
        return LedgerError.invalid(List.of(new Violation(location, message, "type_error")));
    }

    private static ResponseEntity<Map<String, Object>> respond(LedgerError error) {
        return ResponseEntity.status(ErrorEnvelope.status(error.kind())).body(ErrorEnvelope.of(error));
    }
}
