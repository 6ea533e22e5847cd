package com.collectionledger.service.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CollectionCreated revision 0 kept {@code inputSchema} and {@code outputSchema} at the top level and
 * had no processing lineage; revision 1 nests them in {@code schemas}. Stored events are never
 * rewritten: this runs whenever an old one is read, by an aggregate load or by a replay.
 */
@Component
@Order(0)
public class CollectionCreatedUpcaster extends SingleEventUpcaster {

    static final String TYPE = "com.collectionledger.api.collection.CollectionCreated";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPE.equals(event.getType().getName()) && "0".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, "1"), JsonNode.class, payload -> {
            ObjectNode created = (ObjectNode) payload;
            ObjectNode schemas = created.putObject("schemas");
            schemas.set("inputSchema", created.remove("inputSchema"));
            schemas.set("outputSchema", created.remove("outputSchema"));
            schemas.putNull("sourceBucketSchemas");
            schemas.putArray("sourceLineage");
            return created;
        });
    }
}
