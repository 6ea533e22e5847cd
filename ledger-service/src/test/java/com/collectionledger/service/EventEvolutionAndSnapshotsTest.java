package com.collectionledger.service;

import com.collectionledger.api.bucket.BucketCreated;
import com.collectionledger.api.bucket.UpdateBucketCommand;
import com.collectionledger.api.collection.CollectionCreated;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.collection.UpdateCollectionCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.collectionledger.api.namespace.NamespaceCreated;
import com.collectionledger.api.namespace.UpdateNamespaceCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Old event revisions are upcast on every read; long histories load from snapshots. */
class EventEvolutionAndSnapshotsTest extends LedgerHttpTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine storage;

    @Test
    void revisionZeroCollectionCreatedIsUpcastOnAggregateLoadAndOnReplay() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String namespaceId = namespaceOf(bucket);
        String id = "col_legacy" + UUID.randomUUID().toString().substring(0, 4);
        // As revision 0 wrote it: schemas at the top level, no processing lineage.
        String revisionZero = """
                {"collectionId":"%s","namespaceId":"%s","collectionName":"legacy",
                 "config":{"description":"from 2025","source":{"type":"bucket","bucketIds":["%s"]},
                   "featureExtractor":{"featureExtractorName":"text_extractor","version":"v1","parameters":null,
                     "inputMappings":{"text":"content"},"fieldPassthrough":[{"sourcePath":"title"}],
                     "includeAllSourceFields":false},
                   "enabled":true,"metadata":{},"taxonomyApplications":[]},
                 "inputSchema":{"properties":{"title":{"type":"string"},"content":{"type":"text"}}},
                 "outputSchema":{"properties":{"title":{"type":"string"},"text_extractor_v1_embedding":{"type":"array"}}},
                 "createdAt":"2025-06-01T12:00:00Z"}""".formatted(id, namespaceId, bucket);
        storeFirstEvent(id, "0", revisionZero, "2025-06-01T12:00:00Z");

        // Aggregate load: the command handler sees the upcast event.
        CommandOutcome patched = commands.sendAndWait(new UpdateCollectionCommand(id, namespaceId, null, "upcast",
                null, null, null, 0L));
        assertThat(patched.version()).isEqualTo(1);

        // Replay: the projection sees it too, with the schemas where revision 1 keeps them.
        replayReadModel();
        HttpApi.Response legacy = api.get("/v1/collections/" + id);
        assertThat(legacy.status()).as(legacy.toString()).isEqualTo(200);
        assertThat(legacy.text("description")).isEqualTo("upcast");
        assertThat(legacy.at("output_schema").toString())
                .isEqualTo("{\"properties\":{\"title\":{\"type\":\"string\"},\"text_extractor_v1_embedding\":{\"type\":\"array\"}}}");
        assertThat(legacy.at("source_lineage")).as("revision 0 had no lineage: the collection's own tier")
                .hasSize(1);
        assertThat(legacy.at("source_lineage").get(0).at("/feature_extractor/feature_extractor_id").asText())
                .isEqualTo("text_extractor_v1");
        assertThat(legacy.at("version").asInt()).isEqualTo(1);
    }

    @Test
    void aStreamOfOneOrMoreFullBatchesIsReadWhole() {
        for (int length : new int[]{99, 100, 201}) {
            String id = "probe_" + length + "_" + UUID.randomUUID().toString().substring(0, 8);
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                events.add(new GenericDomainEventMessage<>("Probe", id, i, new StreamProbe(i)));
            }
            storage.appendEvents(events);

            assertThat(storage.readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber))
                    .as("%d events", length).hasSize(length).last().isEqualTo(length - 1L);
        }
    }

    /** Handled by nothing: only the event store sees it. */
    record StreamProbe(int index) {
    }

    @Test
    void longHistoriesLoadFromASnapshot() {
        HttpApi api = api().inNamespace(newNamespace());
        String id = newTextCollection(api, "busy", newArticlesBucket(api, "articles"));
        for (int i = 1; i <= 105; i++) {
            assertThat(api.patch("/v1/collections/" + id, Map.of("description", "revision " + i)).status())
                    .isEqualTo(200);
        }

        List<Long> snapshots = jdbc.queryForList(
                "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        assertThat(snapshots).isNotEmpty();
        DomainEventStream stream = eventStore.readEvents(id);
        DomainEventMessage<?> first = stream.next();
        assertThat(first.getPayloadType().getSimpleName()).as("loading starts from the snapshot").isEqualTo("Collection");
        assertThat(first.getSequenceNumber()).isEqualTo(snapshots.get(snapshots.size() - 1));

        // The aggregate loaded from the snapshot knows its version and its past revisions.
        assertThat(api.with("If-Match", "\"105\"").patch("/v1/collections/" + id,
                Map.of("description", "after the snapshot")).status()).isEqualTo(200);
        assertThat(api.with("If-Match", "\"105\"").patch("/v1/collections/" + id,
                Map.of("description", "stale")).status()).isEqualTo(412);
        HttpApi.Response clone = api.post("/v1/collections/" + id + "/clone?source_version=3",
                Map.of("collection_name", "busy-at-3"));
        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.text("collection.description")).isEqualTo("revision 3");
    }

    @Test
    void revisionOneSourceLineageIsUpcastToProcessingTiers() {
        HttpApi api = api().inNamespace(newNamespace());
        String bucket = newArticlesBucket(api, "articles");
        String namespaceId = namespaceOf(bucket);
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String parent = "col_parent" + suffix;
        String child = "col_childx" + suffix;
        String textOutput = "{\"properties\":{\"title\":{\"type\":\"string\"},"
                + "\"text_extractor_v1_embedding\":{\"type\":\"array\"}}}";
        // As revision 1 wrote them: one lineage entry per source, no extractor settings or output schemas.
        String parentLineage = """
                [{"sourceType":"bucket","sourceIds":["%s"]}]""".formatted(bucket);
        storeRevisionOne(parent, namespaceId, "legacy-parent", """
                {"type":"bucket","bucketIds":["%s"]}""".formatted(bucket), """
                {"featureExtractorName":"text_extractor","version":"v1","parameters":null,
                 "inputMappings":{"text":"content"},"fieldPassthrough":[{"sourcePath":"title"}],
                 "includeAllSourceFields":false}""",
                "{\"properties\":{\"title\":{\"type\":\"string\"},\"content\":{\"type\":\"text\"}}}",
                textOutput, parentLineage);
        storeRevisionOne(child, namespaceId, "legacy-child", """
                {"type":"collection","collectionId":"%s"}""".formatted(parent), """
                {"featureExtractorName":"scene_extractor","version":"v1","parameters":null,
                 "inputMappings":{"embedding":"text_extractor_v1_embedding"},"fieldPassthrough":[],
                 "includeAllSourceFields":false}""", textOutput,
                "{\"properties\":{\"scene_extractor_v1_embedding\":{\"type\":\"array\"}}}", """
                [{"sourceType":"bucket","sourceIds":["%s"]},
                 {"sourceType":"collection","sourceIds":["%s"],"collectionName":"legacy-parent",
                  "featureExtractorId":"text_extractor_v1"}]""".formatted(bucket, parent));
        // The directory row the parent had then, so that new collections can use it as their source.
        jdbc.update("""
                        INSERT INTO dir_collection (collection_id, namespace_id, collection_name, output_schema,
                                                    feature_extractor_id, source_lineage, deleted)
                        VALUES (?, ?, 'legacy-parent', ?, 'text_extractor_v1', ?, FALSE)""",
                parent, namespaceId, textOutput, parentLineage);
        jdbc.update("INSERT INTO dir_collection_name (namespace_id, collection_name, collection_id) VALUES (?, ?, ?)",
                namespaceId, "legacy-parent", parent);

        replayReadModel();
        JsonNode tiers = api.get("/v1/collections/" + child).at("source_lineage");
        assertThat(tiers).hasSize(2);
        assertThat(tiers.get(0).at("/source_config").toString())
                .isEqualTo("{\"type\":\"bucket\",\"bucket_ids\":[\"" + bucket + "\"]}");
        assertThat(tiers.get(0).at("/feature_extractor/feature_extractor_id").asText()).isEqualTo("text_extractor_v1");
        assertThat(tiers.get(0).at("/output_schema").toString()).as("the child's input is the parent's output")
                .isEqualTo(textOutput);
        assertThat(tiers.get(1).at("/source_config/collection_id").asText()).isEqualTo(parent);
        assertThat(tiers.get(1).at("/feature_extractor/input_mappings/embedding").asText())
                .isEqualTo("text_extractor_v1_embedding");
        assertThat(tiers.get(1).at("/output_schema/properties").has("scene_extractor_v1_embedding")).isTrue();

        // A collection made now from the old parent reads the parent's tiers from its old directory row.
        HttpApi.Response grandchild = api.post("/v1/collections", Map.of("collection_name", "new-child",
                "source", Map.of("type", "collection", "collection_id", parent),
                "feature_extractor", Map.of("feature_extractor_name", "scene_extractor", "version", "v1",
                        "input_mappings", Map.of("embedding", "text_extractor_v1_embedding"))));
        assertThat(grandchild.status()).as(grandchild.toString()).isEqualTo(200);
        JsonNode grandchildTiers = grandchild.at("source_lineage");
        assertThat(grandchildTiers).hasSize(2);
        assertThat(grandchildTiers.get(0).at("/output_schema").toString()).isEqualTo(textOutput);
        assertThat(grandchildTiers.get(1).at("/source_config/collection_id").asText()).isEqualTo(parent);
    }

    private void storeRevisionOne(String id, String namespaceId, String name, String source, String extractor,
                                  String input, String output, String lineage) {
        String payload = """
                {"collectionId":"%s","namespaceId":"%s","collectionName":"%s",
                 "config":{"description":null,"source":%s,"featureExtractor":%s,
                   "enabled":true,"metadata":{},"taxonomyApplications":[]},
                 "schemas":{"inputSchema":%s,"outputSchema":%s,"sourceBucketSchemas":null,"sourceLineage":%s},
                 "createdAt":"2025-09-01T12:00:00Z"}""".formatted(id, namespaceId, name, source, extractor, input,
                output, lineage);
        storeFirstEvent(id, "1", payload, "2025-09-01T12:00:00Z");
    }

    /** A collection's CollectionCreated at an old revision, as that revision wrote it. */
    private void storeFirstEvent(String id, String revision, String payload, String timestamp) {
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Collection', ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), id, Instant.parse(timestamp).toString(),
                CollectionCreated.class.getName(), revision, payload.getBytes(), "{}".getBytes());
    }

    @Test
    void revisionOneNamespaceAndBucketEventsReadWithoutTheFieldsAddedSince() {
        HttpApi api = api().inNamespace(newNamespace());
        String namespaceId = namespaceOf(newArticlesBucket(api, "articles"));
        String legacyNamespace = "ns_legacy" + UUID.randomUUID().toString().substring(0, 3);
        String legacyBucket = "bkt_legacy" + UUID.randomUUID().toString().substring(0, 3);
        // As revision 1 wrote them: no payload indexes, no auto_create_indexes, no unique key.
        storeRevisionOne(legacyNamespace, "Namespace", NamespaceCreated.class, """
                {"namespaceId":"%s","namespaceName":"%s","description":"from 2025",
                 "featureExtractors":[{"featureExtractorName":"text_extractor","version":"v1","params":null}],
                 "createdAt":"2025-06-01T12:00:00Z"}""".formatted(legacyNamespace, legacyNamespace.replace("ns_", "old-")));
        storeRevisionOne(legacyBucket, "Bucket", BucketCreated.class, """
                {"bucketId":"%s","namespaceId":"%s","bucketName":"legacy","description":null,
                 "bucketSchema":{"properties":{"title":{"type":"string"}}},"metadata":null,
                 "createdAt":"2025-06-01T12:00:00Z"}""".formatted(legacyBucket, namespaceId));

        // Aggregate loads: the command handlers see the old events.
        assertThat(commands.<CommandOutcome>sendAndWait(new UpdateNamespaceCommand(legacyNamespace, null, "upcast",
                null, null, null)).version()).isEqualTo(1);
        assertThat(commands.<CommandOutcome>sendAndWait(new UpdateBucketCommand(legacyBucket, namespaceId, null,
                "upcast", null, null)).version()).isEqualTo(1);

        // Replay: the projections see them too.
        replayReadModel();
        HttpApi.Response namespace = api().get("/v1/namespaces/" + legacyNamespace);
        assertThat(namespace.status()).as(namespace.toString()).isEqualTo(200);
        assertThat(namespace.text("description")).isEqualTo("upcast");
        assertThat(namespace.at("payload_indexes").size()).isZero();
        assertThat(namespace.at("auto_create_indexes").asBoolean()).isFalse();
        HttpApi.Response bucket = api.get("/v1/buckets/" + legacyBucket);
        assertThat(bucket.status()).as(bucket.toString()).isEqualTo(200);
        assertThat(bucket.text("description")).isEqualTo("upcast");
        assertThat(bucket.at("unique_key").isNull()).isTrue();
    }

    private void storeRevisionOne(String aggregateId, String aggregateType, Class<?> eventType, String payload) {
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, ?, ?, ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), aggregateId, aggregateType, Instant.parse("2025-06-01T12:00:00Z").toString(),
                eventType.getName(), payload.getBytes(), "{}".getBytes());
    }

    private String namespaceOf(String bucket) {
        return jdbc.queryForObject("SELECT namespace_id FROM dir_bucket WHERE bucket_id = ?", String.class, bucket);
    }
}
