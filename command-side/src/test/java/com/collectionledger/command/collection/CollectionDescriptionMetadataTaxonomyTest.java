package com.collectionledger.command.collection;

import com.collectionledger.api.collection.CollectionConfig;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.SourceConfig;
import com.collectionledger.api.collection.TaxonomyApplication;
import com.collectionledger.command.support.FixtureRuns;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;

/** description: at most 2,000 characters; metadata: at most 16 KiB serialized; taxonomy applications. */
class CollectionDescriptionMetadataTaxonomyTest {

    /** {"k":"<value>"} is 8 bytes plus the value. */
    private static final int METADATA_OVERHEAD = "{\"k\":\"\"}".length();

    private final AggregateTestFixture<Collection> fixture = Fixtures.fixture(Collection.class, Seed.directory());

    private static CollectionConfig config(String description, Map<String, Object> metadata,
                                           List<TaxonomyApplication> taxonomies) {
        return new CollectionConfig(description, SourceConfig.buckets(List.of(ARTICLES)), textOnContent(), null,
                metadata, taxonomies);
    }

    private CollectionCreated created(CollectionConfig config) {
        return FixtureRuns.onlyEvent(fixture, create("described", config), CollectionCreated.class);
    }

    private void rejected(CollectionConfig config, Matcher<Object> error) {
        FixtureRuns.rejected(fixture, create("described", config), error);
    }

    @Test
    void descriptionOf2000CharactersIsAccepted() {
        assertThat(created(config("d".repeat(2_000), null, null)).config().description()).hasSize(2_000);
    }

    @Test
    void descriptionOf2001CharactersIsRejected() {
        rejected(config("d".repeat(2_001), null, null), invalidAt("string_too_long", at("description")));
    }

    /** A description's limit of 2,000 counts characters; an emoji is one character (two UTF-16 units). */
    @Test
    void descriptionLimitCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(2_000);

        assertThat(created(config(emoji, null, null)).config().description()).isEqualTo(emoji);
    }

    @Test
    void metadataOfExactly16KiBSerializedIsAccepted() {
        Map<String, Object> metadata = Map.of("k", "v".repeat(16 * 1024 - METADATA_OVERHEAD));

        assertThat(created(config(null, metadata, null)).config().metadata()).isEqualTo(metadata);
    }

    @Test
    void metadataOneByteOver16KiBSerializedIsRejected() {
        rejected(config(null, Map.of("k", "v".repeat(16 * 1024 - METADATA_OVERHEAD + 1)), null),
                invalidOnlyAt(at("metadata")));
    }

    @Test
    void metadataSizeCountsUtf8Bytes() {
        // 'é' is two bytes in UTF-8: half as many characters as the limit in bytes is already too many.
        rejected(config(null, Map.of("k", "é".repeat(8 * 1024)), null), invalidOnlyAt(at("metadata")));
    }

    @Test
    void nestedMetadataIsKept() {
        Map<String, Object> metadata = Map.of("team", "news", "tags", List.of("a", "b"),
                "owner", Map.of("name", "ana", "level", 3));

        assertThat(created(config(null, metadata, null)).config().metadata()).isEqualTo(metadata);
    }

    @Test
    void taxonomyApplicationDefaultsToMaterializePhaseOnePriorityZero() {
        CollectionCreated event = created(config(null, null,
                List.of(new TaxonomyApplication("tax_1", null, null, null, null))));

        assertThat(event.config().taxonomyApplications())
                .containsExactly(new TaxonomyApplication("tax_1", "materialize", null, 1, 0));
    }

    @Test
    void taxonomyApplicationOutsideItsRangesIsRejectedFieldByField() {
        rejected(config(null, null, List.of(
                        new TaxonomyApplication("tax_1", null, null, 1, 0),
                        new TaxonomyApplication(" ", "eager", null, 0, 1_001))),
                invalidOnlyAt(
                        at("taxonomy_applications", "1", "taxonomy_id"),
                        at("taxonomy_applications", "1", "execution_mode"),
                        at("taxonomy_applications", "1", "execution_phase"),
                        at("taxonomy_applications", "1", "priority")));
    }

    @Test
    void taxonomyApplicationAtTheEdgesOfItsRangesIsAccepted() {
        List<TaxonomyApplication> edges = List.of(new TaxonomyApplication("tax_1", "on_demand", null, 3, 1_000),
                new TaxonomyApplication("tax_2", "materialize", "col_target0001", 1, 0));

        assertThat(created(config(null, null, edges)).config().taxonomyApplications()).isEqualTo(edges);
    }
}
