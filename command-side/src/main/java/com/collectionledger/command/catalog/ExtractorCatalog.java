package com.collectionledger.command.catalog;

import com.collectionledger.api.query.FeatureExtractorView;
import com.collectionledger.api.query.FindFeatureExtractorQuery;
import com.collectionledger.support.StoredJson;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature extractors this platform offers. Kept as data ({@code catalog/feature-extractors.json}),
 * so adding an extractor is an edit to that file, not to code. Reading that file is the only JSON
 * here: the rules receive each entry as plain values.
 */
public final class ExtractorCatalog {

    public static final String RESOURCE = "/catalog/feature-extractors.json";

    private final Map<String, ExtractorDefinition> byId;

    public ExtractorCatalog(List<ExtractorDefinition> definitions) {
        Map<String, ExtractorDefinition> map = new LinkedHashMap<>();
        definitions.forEach(d -> map.put(d.id(), d));
        this.byId = Collections.unmodifiableMap(map);
    }

    public static ExtractorCatalog builtIn() {
        try (InputStream in = ExtractorCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<Map<String, Object>> entries = StoredJson.convert(StoredJson.tree(in), new TypeReference<>() { });
            return new ExtractorCatalog(entries.stream().map(ExtractorDefinition::of).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ExtractorDefinition> find(String name, String version) {
        return find(name + "_" + version);
    }

    public Optional<ExtractorDefinition> find(String featureExtractorId) {
        return Optional.ofNullable(byId.get(featureExtractorId));
    }

    public List<ExtractorDefinition> all() {
        return List.copyOf(byId.values());
    }

    /** The catalog's answer to the read side, which builds collection responses and has no catalog of its own. */
    @QueryHandler
    public Optional<FeatureExtractorView> handle(FindFeatureExtractorQuery query) {
        return find(query.featureExtractorId()).map(ExtractorDefinition::view);
    }
}
