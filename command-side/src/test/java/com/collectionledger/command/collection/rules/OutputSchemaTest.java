package com.collectionledger.command.collection.rules;

import com.collectionledger.api.collection.FeatureExtractorConfig;
import com.collectionledger.api.collection.FieldPassthrough;
import com.collectionledger.api.error.Violation;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.catalog.ExtractorCatalog;
import com.collectionledger.command.catalog.ExtractorDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.Seed.pass;
import static com.collectionledger.command.support.Seed.schema;
import static org.assertj.core.api.Assertions.assertThat;

/** The output schema: source fields passed through, then one field per extractor output. */
class OutputSchemaTest {

    private static final ExtractorDefinition TEXT = ExtractorCatalog.builtIn().find("text_extractor_v1").orElseThrow();
    private static final ObjectSchema ARTICLES = schema("title", "string", "content", "text", "author", "string");

    private final List<Violation> violations = new ArrayList<>();

    private static FeatureExtractorConfig text(boolean includeAll, FieldPassthrough... passthrough) {
        return new FeatureExtractorConfig("text_extractor", "v1", null, Map.of("text", "content"),
                List.of(passthrough), includeAll);
    }

    @Test
    void passedThroughFieldsComeFirstThenTheExtractorsOutputs() {
        ObjectSchema output = OutputSchema.derive(TEXT, text(false, pass("title")), ARTICLES, violations);

        assertThat(violations).isEmpty();
        assertThat(output).isEqualTo(schema("title", "string", "text_extractor_v1_embedding", "array"));
    }

    @Test
    void includeAllSourceFieldsCopiesTheInputSchemaAndMayStillNameAFieldAgain() {
        ObjectSchema output = OutputSchema.derive(TEXT, text(true, pass("title")), ARTICLES, violations);

        assertThat(violations).isEmpty();
        assertThat(output).isEqualTo(schema("title", "string", "content", "text", "author", "string",
                "text_extractor_v1_embedding", "array"));
    }

    @Test
    void aPassthroughOfAFieldTheInputLacksIsReportedAtItsSourcePath() {
        OutputSchema.derive(TEXT, text(false, pass("title"), pass("summary")), ARTICLES, violations);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).containsExactly("feature_extractor", "field_passthrough", "1", "source_path");
            assertThat(v.message()).isEqualTo("'summary' is not a field of the input schema");
        });
    }

    @Test
    void twoSourcesForOneOutputNameAndOneFieldPassedTwiceAreRejected() {
        OutputSchema.derive(TEXT, text(false, pass("title"), pass("author", "title"), pass("title")), ARTICLES,
                violations);

        assertThat(violations).extracting(Violation::location).containsExactly(
                List.of("feature_extractor", "field_passthrough", "1"),
                List.of("feature_extractor", "field_passthrough", "2"));
        assertThat(violations).extracting(Violation::message).containsExactly("two output fields are named 'title'",
                "'title' is passed through twice");
    }

    @Test
    void aPassthroughNamedLikeAnExtractorOutputWouldWriteItTwice() {
        ObjectSchema input = schema("content", "text", "text_extractor_v1_embedding", "array");

        OutputSchema.derive(TEXT, text(false, pass("text_extractor_v1_embedding")), input, violations);

        assertThat(violations).singleElement().satisfies(v ->
                assertThat(v.location()).containsExactly("feature_extractor", "field_passthrough"));
    }
}
