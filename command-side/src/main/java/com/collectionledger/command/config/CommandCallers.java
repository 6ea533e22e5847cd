package com.collectionledger.command.config;

import com.collectionledger.api.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;

import java.util.Map;

/**
 * Who sent a command, as its events will record it: an HTTP request's API key (put on by the REST
 * adapter) or the service that sent it on the bus. A bus command that names no service is handled and
 * recorded as sent by {@link AuditMetadata#UNKNOWN_SERVICE}, so that no event is left without an actor.
 */
final class CommandCallers {

    private CommandCallers() {
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
