package com.collectionledger.command.bucket;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.CreateBucketCommand;
import com.collectionledger.api.bucket.UniqueKey;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.schema.FieldSchema;
import com.collectionledger.api.schema.ObjectSchema;
import com.collectionledger.command.support.Fixtures;
import com.collectionledger.command.support.InMemoryDirectory;
import com.collectionledger.command.support.Seed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.collectionledger.command.support.DomainErrors.at;
import static com.collectionledger.command.support.DomainErrors.detail;
import static com.collectionledger.command.support.DomainErrors.invalidAt;
import static com.collectionledger.command.support.DomainErrors.invalidOnlyAt;
import static com.collectionledger.command.support.DomainErrors.kind;
import static com.collectionledger.command.support.FixtureRuns.rejected;
import static com.collectionledger.command.support.Seed.*;

/** A bucket: a valid name unique in its namespace, and a schema of at least one field of the allowed types. */
class BucketAggregateTest {

    private static final String BUCKET = "bkt_articles01";
    private static final List<String> ALLOWED_TYPES = List.of("string", "number", "integer", "float", "boolean",
            "object", "array", "date", "datetime", "text", "image", "audio", "video", "pdf", "excel");

    // The seed's namespace already has buckets named articles, marketing_videos and authored_articles;
    // OTHER_NS has one named foreign.
    private final InMemoryDirectory directory = Seed.directory();
    private AggregateTestFixture<Bucket> fixture = Fixtures.fixture(Bucket.class, directory);

    private static CreateBucketCommand bucket(String name, ObjectSchema schema) {
        return new CreateBucketCommand(BUCKET, NS, name, "News articles", schema, null);
    }

    private static FieldSchema field(String type, FieldSchema items, Map<String, FieldSchema> properties) {
        return new FieldSchema(type, null, null, items, properties);
    }

    @Test
    void seedBucketIsCreatedWithItsSchema() {
        fixture = Fixtures.fixture(Bucket.class, new InMemoryDirectory().namespace(NS, NS_NAME, "text_extractor_v1"));

        fixture.givenNoPriorActivity()
                .when(new CreateBucketCommand(BUCKET, NS, "articles", "News articles", ARTICLES_SCHEMA,
                        Map.of("team", "news")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketCreated(BUCKET, NS, "articles", "News articles", ARTICLES_SCHEMA,
                        Map.of("team", "news"), NOW))
                .expectResultMessagePayload(BUCKET);
    }

    @Test
    void everyAllowedFieldTypeIsAccepted() {
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        ALLOWED_TYPES.forEach(type -> fields.put("f_" + type, FieldSchema.of(type)));
        ObjectSchema schema = new ObjectSchema(fields);

        fixture.givenNoPriorActivity()
                .when(bucket("everything", schema))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketCreated(BUCKET, NS, "everything", "News articles", schema, null, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"varchar", "String", "json", ""})
    void fieldTypeOutsideTheAllowedListIsRejected(String type) {
        rejected(fixture, bucket("news", schema("title", "string", "body", type)),
                invalidOnlyAt(at("bucket_schema", "properties", "body", "type")));
    }

    @Test
    void nestedObjectFieldTypeOutsideTheAllowedListIsRejected() {
        ObjectSchema schema = new ObjectSchema(Map.of("meta",
                field("object", null, Map.of("author", FieldSchema.of("person")))));

        rejected(fixture, bucket("news", schema),
                invalidAt("enum", at("bucket_schema", "properties", "meta", "properties", "author", "type")));
    }

    @Test
    void arrayItemTypeOutsideTheAllowedListIsRejected() {
        ObjectSchema schema = new ObjectSchema(Map.of("tags", field("array", FieldSchema.of("tag"), null)));

        rejected(fixture, bucket("news", schema),
                invalidOnlyAt(at("bucket_schema", "properties", "tags", "items", "type")));
    }

    @Test
    void validNestedObjectsAndArraysAreAccepted() {
        ObjectSchema schema = new ObjectSchema(Map.of(
                "meta", field("object", null, Map.of("author", FieldSchema.of("string"),
                        "published", FieldSchema.of("datetime"))),
                "tags", field("array", FieldSchema.of("string"), null)));

        fixture.givenNoPriorActivity()
                .when(bucket("news", schema))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketCreated(BUCKET, NS, "news", "News articles", schema, null, NOW));
    }

    @Test
    void bucketWithoutFieldsIsRejected() {
        rejected(fixture, bucket("news", ObjectSchema.empty()),
                invalidOnlyAt(at("bucket_schema", "properties")));
    }

    @Test
    void bucketWithoutSchemaIsRejected() {
        rejected(fixture, bucket("news", null), invalidOnlyAt(at("bucket_schema", "properties")));
    }

    @Test
    void fieldWithoutTypeIsRejected() {
        rejected(fixture, bucket("news", new ObjectSchema(Map.of("title", field(null, null, null)))),
                invalidAt("missing", at("bucket_schema", "properties", "title")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "tab\tname", ""})
    void fieldNameWithADotOrAControlCharacterOrEmptyIsRejected(String name) {
        rejected(fixture, bucket("news", schema(name, "string")),
                invalidAt("value_error", at("bucket_schema", "properties", name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "bkt_articles", "with space", "new\nline"})
    void bucketNameBreakingTheNameRulesIsRejected(String name) {
        rejected(fixture, bucket(name, ARTICLES_SCHEMA), invalidOnlyAt(at("bucket_name")));
    }

    @Test
    void bucketNameTakenInTheNamespaceIsAlreadyExists() {
        rejected(fixture, bucket("articles", ARTICLES_SCHEMA),
                kind(ErrorKind.ALREADY_EXISTS), detail("name", "articles"));
    }

    @Test
    void bucketNameTakenOnlyInAnotherNamespaceIsFree() {
        fixture.givenNoPriorActivity()
                .when(new CreateBucketCommand(BUCKET, NS, "foreign", null, ARTICLES_SCHEMA, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketCreated(BUCKET, NS, "foreign", null, ARTICLES_SCHEMA, null, NOW));
    }

    @Test
    void bucketMetadataOver16KiBIsRejected() {
        rejected(fixture, new CreateBucketCommand(BUCKET, NS, "news", null, ARTICLES_SCHEMA,
                        Map.of("blob", "x".repeat(16 * 1024))),
                invalidOnlyAt(at("metadata")));
    }

    @Test
    void bucketDescriptionLongerThan2000CharactersIsRejected() {
        rejected(fixture, new CreateBucketCommand(BUCKET, NS, "news", "d".repeat(2_001), ARTICLES_SCHEMA, null),
                invalidOnlyAt(at("description")));
    }

    // ---- unique_key (Mixpeek's UniqueKeyConfig) -------------------------------------------------

    private static CreateBucketCommand keyed(UniqueKey key) {
        return new CreateBucketCommand(BUCKET, NS, "sensors", null,
                schema("sensor_id", "string", "timestamp", "datetime", "reading", "float", "frame", "image",
                        "tags", "array"), null, key);
    }

    @Test
    void uniqueKeyOnScalarSchemaFieldsIsKeptOnTheEvent() {
        UniqueKey key = new UniqueKey(List.of("sensor_id", "timestamp"), "upsert");
        CreateBucketCommand command = keyed(key);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BucketCreated(BUCKET, NS, "sensors", null, command.bucketSchema(), null, key, NOW));
    }

    @Test
    void uniqueKeyFieldThatIsNotInTheSchemaIsRejectedAtItsIndex() {
        rejected(fixture, keyed(new UniqueKey(List.of("sensor_id", "video_id"), null)),
                invalidOnlyAt(at("unique_key", "fields", "1")));
    }

    @Test
    void uniqueKeyOnABlobOrArrayFieldIsRejected() {
        rejected(fixture, keyed(new UniqueKey(List.of("frame", "tags"), null)), invalidOnlyAt(
                at("unique_key", "fields", "0"), at("unique_key", "fields", "1")));
    }

    @Test
    void uniqueKeyWithoutFieldsIsRejected() {
        rejected(fixture, keyed(new UniqueKey(List.of(), null)), invalidOnlyAt(at("unique_key", "fields")));
    }

    @Test
    void uniqueKeyFieldListedTwiceIsRejectedAtTheSecond() {
        rejected(fixture, keyed(new UniqueKey(List.of("sensor_id", "sensor_id"), null)),
                invalidOnlyAt(at("unique_key", "fields", "1")));
    }

    @Test
    void uniqueKeyDefaultPolicyOutsideInsertUpdateUpsertIsRejected() {
        rejected(fixture, keyed(new UniqueKey(List.of("sensor_id"), "replace")),
                invalidOnlyAt(at("unique_key", "default_policy")));
    }
}
