package com.collectionledger.command.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the processing lineage of events up to revision 1 (one entry per source: {@code sourceType},
 * {@code sourceIds}, {@code collectionName}, {@code featureExtractorId}) into tiers of
 * {@code sourceConfig}, {@code featureExtractor} and {@code outputSchema}, the collection's own tier
 * last. The old entries recorded neither the upstream extractors' settings nor their output schemas:
 * an upstream tier gets its extractor's name and version, and its output schema only where the
 * collection's own input schema is it (the tier right above); a tier whose extractor was not
 * recorded (several source collections) is left out.
 */
public final class LegacySourceLineage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LegacySourceLineage() {
    }

    /** Whether the entries are in the old shape. */
    public static boolean isLegacy(JsonNode entries) {
        return entries != null && entries.isArray() && !entries.isEmpty() && entries.get(0).has("sourceType");
    }

    /**
     * @param own       the collection's own tier as far as known: {@code sourceConfig} and
     *                  {@code featureExtractor} (either may be missing), {@code outputSchema}
     * @param ownInput  the collection's input schema, or null when not known
     */
    public static ArrayNode convert(JsonNode oldEntries, ObjectNode own, JsonNode ownInput) {
        int size = oldEntries == null ? 0 : oldEntries.size();
        int tiers = Math.max(size, 1);
        ArrayNode converted = NODES.arrayNode();
        for (int k = 0; k < tiers; k++) {
            boolean last = k == tiers - 1;
            JsonNode source = last && own.hasNonNull("sourceConfig") ? own.get("sourceConfig")
                    : k < size ? sourceOf(oldEntries.get(k)) : null;
            JsonNode extractor = last ? own.get("featureExtractor")
                    : extractorOf(oldEntries.get(k + 1).path("featureExtractorId").asText(null));
            if (source == null || extractor == null || extractor.isNull()) {
                continue;
            }
            JsonNode output = last ? own.get("outputSchema")
                    : k == tiers - 2 && ownInput != null ? ownInput : emptySchema();
            ObjectNode tier = converted.addObject();
            tier.set("sourceConfig", source);
            tier.set("featureExtractor", extractor);
            tier.set("outputSchema", output == null || output.isNull() ? emptySchema() : output);
        }
        return converted;
    }

    /** An extractor known only by its catalog ID, {@code <name>_<version>}. */
    public static ObjectNode extractorOf(String featureExtractorId) {
        int split = featureExtractorId == null ? -1 : featureExtractorId.lastIndexOf('_');
        if (split <= 0) {
            return null;
        }
        ObjectNode extractor = NODES.objectNode();
        extractor.put("featureExtractorName", featureExtractorId.substring(0, split));
        extractor.put("version", featureExtractorId.substring(split + 1));
        extractor.putObject("parameters");
        extractor.putObject("inputMappings");
        extractor.putArray("fieldPassthrough");
        extractor.put("includeAllSourceFields", false);
        return extractor;
    }

    private static JsonNode sourceOf(JsonNode entry) {
        ObjectNode source = NODES.objectNode();
        String type = entry.path("sourceType").asText();
        source.put("type", type);
        JsonNode ids = entry.path("sourceIds");
        if ("collection".equals(type) && ids.size() == 1) {
            source.set("collectionId", ids.get(0));
        } else {
            source.set("collection".equals(type) ? "collectionIds" : "bucketIds", ids);
        }
        return source;
    }

    private static ObjectNode emptySchema() {
        ObjectNode schema = NODES.objectNode();
        schema.putObject("properties");
        return schema;
    }
}
