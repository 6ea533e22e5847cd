package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionSchemas;
import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.SourceLineageEntry;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.command.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A collection's whole configuration, as create, clone, instantiation and a namespace clone give it:
 * the violations of every rule family at once, or the schemas it derives. The extractor's inputs,
 * parameters and output are checked only once its source gave an input schema.
 */
public final class ConfigurationRules {

    private final SourceDerivation sources;
    private final ExtractorChoice extractors;

    public ConfigurationRules(Directory directory, ExtractorCatalog catalog) {
        this.sources = new SourceDerivation(directory);
        this.extractors = new ExtractorChoice(directory, catalog);
    }

    /**
     * Validates a configuration for a collection of the namespace and derives its schemas.
     *
     * @param requestedInput a client-given input schema (create only), or null
     * @throws DomainException with every violation found
     */
    public CollectionSchemas validate(String collectionId, String namespaceId, CollectionConfig config,
                                      ObjectSchema requestedInput) {
        List<Violation> violations = new ArrayList<>();
        DescriptiveFields.checkDescription(config.description(), violations);
        DescriptiveFields.checkMetadata(config.metadata(), violations);
        DescriptiveFields.checkTaxonomies(config.taxonomyApplications(), violations);
        ScheduleRules.check(config.schedule(), violations);
        SourceDerivation.DerivedInput derived = sources.derive(collectionId, namespaceId, config.source(), violations);
        ObjectSchema input = derived == null ? null : derived.input();
        if (input != null && requestedInput != null && !requestedInput.properties().isEmpty()) {
            input = SourceDerivation.narrow(input, requestedInput, violations);
        }
        ObjectSchema output = null;
        FeatureExtractorConfig extractor = config.featureExtractor();
        if (extractor == null) {
            violations.add(Violation.at("feature_extractor is required", "missing", "feature_extractor"));
        } else {
            Optional<ExtractorDefinition> definition = extractors.find(namespaceId, extractor, violations);
            if (definition.isPresent() && input != null) {
                ExtractorInputs.check(definition.get(), extractor.inputMappings(), input, violations);
                ExtractorParameters.check(definition.get(), extractor.parameters(), violations,
                        "feature_extractor", "parameters");
                output = OutputSchema.derive(definition.get(), extractor, input, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        List<SourceLineageEntry> lineage = new ArrayList<>(derived.upstream());
        lineage.add(new SourceLineageEntry(config.source(), extractor, output));
        return new CollectionSchemas(input, output, derived.bucketSchemas(), lineage);
    }
}
