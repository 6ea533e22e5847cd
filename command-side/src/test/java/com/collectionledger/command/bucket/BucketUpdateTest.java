package com.collectionledger.command.bucket;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.BucketDeleted;
import com.collectionledger.api.bucket.BucketUpdated;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.bucket.UpdateBucketCommand;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * PATCH and PUT of a bucket: name, description and metadata under the rules of create; a new schema
 * must keep the unique key's fields and, while live collections read the bucket, may only add fields
 * (and must not make a multi-bucket reader's sources clash).
 */
class BucketUpdateTest {

    private final InMemoryDirectory directory = Seed.directory();
    private final AggregateTestFixture<Bucket> fixture = Fixtures.fixture(Bucket.class, directory);

    private static BucketCreated articlesCreated() {
        return new BucketCreated(ARTICLES, NS, "articles", "News articles", ARTICLES_SCHEMA, Map.of("team", "news"), NOW);
    }

    private static UpdateBucketCommand schemaChange(ObjectSchema schema) {
        return new UpdateBucketCommand(ARTICLES, NS, null, null, schema, null);
    }

    private static ObjectSchema articlesWith(String field, FieldSchema schema) {
        Map<String, FieldSchema> fields = new LinkedHashMap<>(ARTICLES_SCHEMA.properties());
        fields.put(field, schema);
        return new ObjectSchema(fields);
    }

    @Test
    void renameDescriptionAndMetadataAreUpdatedAndNamed() {
        fixture.given(articlesCreated())
                .when(new UpdateBucketCommand(ARTICLES, NS, "news_articles", "All news", null, Map.of("team", "desk")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketUpdated(ARTICLES, NS, List.of("bucket_name", "description", "metadata"),
                        "news_articles", "All news", ARTICLES_SCHEMA, Map.of("team", "desk"), NOW))
                .expectResultMessagePayload(new CommandOutcome(ARTICLES, 1));
    }

    @Test
    void updateThatChangesNothingStoresNoEvent() {
        fixture.given(articlesCreated())
                .when(new UpdateBucketCommand(ARTICLES, NS, "articles", "News articles", ARTICLES_SCHEMA, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ARTICLES, 0));
    }

    @Test
    void renameToANameTakenInTheNamespaceIsAlreadyExists() {
        rejected(fixture.given(articlesCreated()), new UpdateBucketCommand(ARTICLES, NS, "marketing_videos", null,
                null, null), kind(ErrorKind.ALREADY_EXISTS), detail("name", "marketing_videos"));
    }

    @Test
    void newNameDescriptionAndMetadataFollowTheCreateRules() {
        rejected(fixture.given(articlesCreated()), new UpdateBucketCommand(ARTICLES, NS, "bkt_x", "d".repeat(2_001),
                null, Map.of("blob", "x".repeat(16 * 1024))), invalidOnlyAt(at("bucket_name"),
                at("description"), at("metadata")));
    }

    @Test
    void newSchemaFollowsTheCreateRules() {
        rejected(fixture.given(articlesCreated()), schemaChange(schema("title", "varchar")),
                invalidOnlyAt(at("bucket_schema", "properties", "title", "type")));
        rejected(fixture.given(articlesCreated()), schemaChange(ObjectSchema.empty()),
                invalidOnlyAt(at("bucket_schema", "properties")));
    }

    @Test
    void schemaChangeWithoutReadersMayDropAndRetypeFields() {
        ObjectSchema schema = schema("title", "text");

        fixture.given(articlesCreated())
                .when(schemaChange(schema))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketUpdated(ARTICLES, NS, List.of("bucket_schema"), "articles", "News articles",
                        schema, Map.of("team", "news"), NOW));
    }

    @Test
    void schemaChangeThatOnlyAddsFieldsIsAllowedWhileLiveCollectionsReadTheBucket() {
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES);
        ObjectSchema schema = articlesWith("author", FieldSchema.of("string"));

        fixture.given(articlesCreated())
                .when(schemaChange(schema))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketUpdated(ARTICLES, NS, List.of("bucket_schema"), "articles", "News articles",
                        schema, Map.of("team", "news"), NOW));
        assertThat(directory.locked(NS)).as("readers found under the namespace's lock").isTrue();
    }

    @Test
    void schemaChangeDroppingOrRetypingAFieldWhileLiveCollectionsReadTheBucketIsAConflictNamingThem() {
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .bucketReader("col_titles0001", NS, "title_embeddings", "text_extractor_v1", ARTICLES);

        rejected(fixture.given(articlesCreated()), schemaChange(schema("title", "text")),
                kind(ErrorKind.CONFLICT),
                detail("fields", List.of("title", "content")),
                detail("dependents", List.of(
                        Map.of("collection_id", ARTICLE_EMBEDDINGS, "collection_name", "article_embeddings"),
                        Map.of("collection_id", "col_titles0001", "collection_name", "title_embeddings"))))
                .expectExceptionMessage(allOf(containsString("article_embeddings"), containsString("title_embeddings")));
    }

    @Test
    void schemaChangeRetypingANestedFieldWhileReadIsAConflict() {
        ObjectSchema nested = articlesWith("meta", object("lang", "string"));
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES);

        rejected(fixture.given(new BucketCreated(ARTICLES, NS, "articles", null, nested, null, NOW)),
                schemaChange(articlesWith("meta", object("lang", "integer"))),
                kind(ErrorKind.CONFLICT), detail("fields", List.of("meta.lang")));
    }

    @Test
    void schemaChangeMakingTheSourcesOfAMultiBucketReaderClashIsAConflict() {
        directory.bucketReader("col_merged0001", NS, "merged_articles", "text_extractor_v1", ARTICLES, AUTHORED);

        // authored_articles has author: string; articles may not add author: integer.
        rejected(fixture.given(articlesCreated()), schemaChange(articlesWith("author", FieldSchema.of("integer"))),
                kind(ErrorKind.CONFLICT), detail("dependents", List.of(
                        Map.of("collection_id", "col_merged0001", "collection_name", "merged_articles"))))
                .expectExceptionMessage(containsString("author"));
    }

    @Test
    void schemaChangeReadOnlyByDeletedCollectionsIsAllowed() {
        directory.bucketReader(ARTICLE_EMBEDDINGS, NS, "article_embeddings", "text_extractor_v1", ARTICLES)
                .markDeleted(ARTICLE_EMBEDDINGS);

        fixture.given(articlesCreated())
                .when(schemaChange(schema("headline", "string")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void newSchemaMustKeepTheUniqueKeyFields() {
        BucketCreated keyed = new BucketCreated(ARTICLES, NS, "articles", null,
                schema("article_id", "string", "content", "text"), null, new UniqueKey(List.of("article_id"), null), NOW);

        rejected(fixture.given(keyed), schemaChange(schema("content", "text")),
                invalidOnlyAt(at("bucket_schema", "properties")));
        rejected(fixture.given(keyed), schemaChange(schema("article_id", "object", "content", "text")),
                invalidOnlyAt(at("bucket_schema", "properties")));
    }

    @Test
    void updateOfABucketOfAnotherNamespaceOrADeletedOneIsNotFound() {
        rejected(fixture.given(articlesCreated()), new UpdateBucketCommand(ARTICLES, OTHER_NS, "renamed", null, null,
                null), kind(ErrorKind.NOT_FOUND));
        rejected(fixture.given(articlesCreated(), new BucketDeleted(ARTICLES, NS, "articles", NOW)),
                new UpdateBucketCommand(ARTICLES, NS, "renamed", null, null, null), kind(ErrorKind.NOT_FOUND));
    }
}
