package com.collectionledger.service.rest;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.service.rest.RequestAttributes;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who sent a command and in which request on its metadata, from the HTTP request that is
 * dispatching it; Axon's correlation providers then copy it onto every event the command causes. A
 * request with an Idempotency-Key passes it and the request's hash on too, so that the command side
 * answers a retry with what the first request's command did, even when that answer was lost.
 */
@Component
class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, Object> audit = new HashMap<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            putIfPresent(audit, AuditMetadata.ACTOR_KEY_ID, request.getAttribute(RequestAttributes.KEY_ID));
            putIfPresent(audit, AuditMetadata.ACTOR_NAME, request.getAttribute(RequestAttributes.KEY_NAME));
            putIfPresent(audit, AuditMetadata.REQUEST_ID, request.getAttribute(RequestAttributes.REQUEST_ID));
            putIfPresent(audit, AuditMetadata.IDEMPOTENCY_KEY, request.getAttribute(RequestAttributes.IDEMPOTENCY_KEY));
            putIfPresent(audit, AuditMetadata.REQUEST_FINGERPRINT, request.getAttribute(RequestAttributes.REQUEST_HASH));
        }
        return (index, message) -> audit.isEmpty() ? message : message.andMetaData(audit);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
