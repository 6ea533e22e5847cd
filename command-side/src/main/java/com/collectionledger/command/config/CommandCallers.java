package com.collectionledger.command.config;

import com.collectionledger.api.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who sent a command, as its events will record it: an HTTP request's API key (put on by the REST
 * adapter) or the service that sent it on the bus. A bus command that names no service is handled and
 * recorded as sent by {@link AuditMetadata#UNKNOWN_SERVICE}, so that no event is left without an actor.
 */
final class CommandCallers {

    static final int MAX_SERVICE_LENGTH = 128;
    private static final Pattern SANE_SERVICE = Pattern.compile("[\\x20-\\x7e]{1," + MAX_SERVICE_LENGTH + "}");

    private CommandCallers() {
    }

    /** A service name that no event could record as sent: not text, or not 1 to 128 printable ASCII characters. */
    static Optional<LedgerError> refusal(CommandMessage<?> command) {
        Object service = command.getMetaData().get(AuditMetadata.ACTOR_SERVICE);
        if (service == null || service instanceof String name && (name.isBlank() || SANE_SERVICE.matcher(name).matches())) {
            return Optional.empty();
        }
        return Optional.of(LedgerError.invalid(List.of(Violation.at("the calling service's name must be 1 to "
                + MAX_SERVICE_LENGTH + " printable ASCII characters", "string_pattern_mismatch",
                AuditMetadata.ACTOR_SERVICE))));
    }

    /** The command as handled: itself when it names its caller, else marked as sent by an unknown service. */
    static <C> CommandMessage<C> named(CommandMessage<C> command) {
        Map<String, Object> metaData = command.getMetaData();
        if (metaData.get(AuditMetadata.ACTOR_KEY_ID) != null
                || metaData.get(AuditMetadata.ACTOR_SERVICE) instanceof String service && !service.isBlank()) {
            return command;
        }
        return command.andMetaData(Map.of(AuditMetadata.ACTOR_SERVICE, AuditMetadata.UNKNOWN_SERVICE));
    }
}
