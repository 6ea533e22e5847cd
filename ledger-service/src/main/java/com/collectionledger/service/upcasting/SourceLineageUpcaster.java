package com.collectionledger.service.upcasting;

import com.collectionledger.command.directory.LegacySourceLineage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * CollectionCreated and CollectionCloned revision 1 recorded the processing lineage as one entry per
 * source; revision 2 records one tier per processing stage ({@code sourceConfig},
 * {@code featureExtractor}, {@code outputSchema}), the collection's own tier last, as Mixpeek's
 * {@code source_lineage} does. Runs after {@link CollectionCreatedUpcaster} (revision 0 to 1).
 */
@Component
@Order(1)
public class SourceLineageUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(CollectionCreatedUpcaster.TYPE,
            "com.collectionledger.api.collection.CollectionCloned");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPES.contains(event.getType().getName()) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String type = event.getType().getName();
        return event.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ObjectNode schemas = (ObjectNode) payload.path("schemas");
            JsonNode config = payload.path("config");
            ObjectNode own = JsonNodeFactory.instance.objectNode();
            own.set("sourceConfig", config.get("source"));
            own.set("featureExtractor", config.get("featureExtractor"));
            own.set("outputSchema", schemas.get("outputSchema"));
            schemas.set("sourceLineage", LegacySourceLineage.convert(schemas.get("sourceLineage"), own,
                    schemas.get("inputSchema")));
            return payload;
        });
    }
}
