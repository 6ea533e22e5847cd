package com.collectionledger.service;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.collection.CloneCollectionCommand;
import com.collectionledger.api.collection.CollectionOverrides;
import com.collectionledger.api.collection.CommandOutcome;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.command.domain.Ids;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A command sent with an idempotency key is handled once per caller and key: sent again it answers what it
 * answered the first time, whatever became of that answer, and stores nothing new.
 */
class CommandDeduplicationTest extends LedgerHttpTest {

    private static final String TEMPLATES = "/v1/templates/collections";

    @Autowired
    CommandGateway commands;

    private HttpApi api;
    private String bucket;
    private String source;
    private String namespaceId;

    @BeforeEach
    void collection() {
        api = api().inNamespace(newNamespace());
        bucket = newArticlesBucket(api, "articles");
        source = newTextCollection(api, "source", bucket);
        namespaceId = api.get("/v1/collections/" + source).text("namespace_id");
    }

    @Test
    void aBusCommandSentTwiceWithOneKeyAnswersTheFirstResultAndStoresOneSetOfEvents() {
        String key = "bus-" + UUID.randomUUID();
        CloneCollectionCommand clone = new CloneCollectionCommand(source, namespaceId, Ids.next("col_"),
                "copied-once", CollectionOverrides.none());

        Object first = send(clone, Map.of(AuditMetadata.IDEMPOTENCY_KEY, key));
        Object again = send(clone, Map.of(AuditMetadata.IDEMPOTENCY_KEY, key));

        assertThat(first).isEqualTo(new CommandOutcome(clone.newCollectionId(), 0));
        assertThat(again).isEqualTo(first);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"copied-once\"")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, clone.newCollectionId())).isEqualTo(1);
    }

    @Test
    void aCreationsIdIsAnsweredAgainAndAFingerprintMakesARetryWithANewIdTheSameRequest() {
        String key = "fingerprinted-" + UUID.randomUUID();
        Map<String, Object> metaData = Map.of(AuditMetadata.IDEMPOTENCY_KEY, key,
                AuditMetadata.REQUEST_FINGERPRINT, "clone:copied-with-new-id");

        Object first = send(new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "copied-with-new-id",
                CollectionOverrides.none()), metaData);
        Object retried = send(new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "copied-with-new-id",
                CollectionOverrides.none()), metaData);

        assertThat(retried).isEqualTo(first);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"copied-with-new-id\"")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherCommandIsAValidationErrorAndKeysArePerCaller() {
        String key = "reused-" + UUID.randomUUID();
        send(new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "first-use",
                CollectionOverrides.none()), Map.of(AuditMetadata.IDEMPOTENCY_KEY, key));

        CommandExecutionException reused = catchThrowableOfType(CommandExecutionException.class, () -> send(
                new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "second-use",
                        CollectionOverrides.none()), Map.of(AuditMetadata.IDEMPOTENCY_KEY, key)));
        Object otherCaller = send(new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "other-caller",
                CollectionOverrides.none()), Map.of(AuditMetadata.IDEMPOTENCY_KEY, key,
                AuditMetadata.ACTOR_SERVICE, "another-service"));

        LedgerError error = (LedgerError) reused.getDetails().orElseThrow();
        assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(error.violations().get(0).type()).isEqualTo("idempotency_key_reused");
        assertThat(error.violations().get(0).location()).containsExactly(AuditMetadata.IDEMPOTENCY_KEY);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"second-use\"")).isZero();
        assertThat(otherCaller).isInstanceOf(CommandOutcome.class);
    }

    @Test
    void aFailedCommandIsNotRecordedSoItsRetryRuns() {
        String key = "failing-" + UUID.randomUUID();
        CloneCollectionCommand sameName = new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "source",
                CollectionOverrides.none());
        CommandExecutionException failed = catchThrowableOfType(CommandExecutionException.class,
                () -> send(sameName, Map.of(AuditMetadata.IDEMPOTENCY_KEY, key)));
        assertThat(((LedgerError) failed.getDetails().orElseThrow()).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);

        Object fixed = send(new CloneCollectionCommand(source, namespaceId, Ids.next("col_"), "renamed",
                CollectionOverrides.none()), Map.of(AuditMetadata.IDEMPOTENCY_KEY, key));

        assertThat(fixed).isInstanceOf(CommandOutcome.class);
    }

    @Test
    void ofSendsWithOneKeyAtOnceOneIsHandledAndTheOthersAnswerItsResultOrConflict() throws Exception {
        String key = "raced-" + UUID.randomUUID();
        CloneCollectionCommand clone = new CloneCollectionCommand(source, namespaceId, Ids.next("col_"),
                "raced-once", CollectionOverrides.none());
        List<Callable<Object>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sends.add(() -> {
                try {
                    return send(clone, Map.of(AuditMetadata.IDEMPOTENCY_KEY, key));
                } catch (CommandExecutionException e) {
                    return e.getDetails().orElseThrow();
                }
            });
        }

        List<Object> outcomes = Concurrently.run(sends);

        CommandOutcome made = new CommandOutcome(clone.newCollectionId(), 0);
        assertThat(outcomes).contains(made).allSatisfy(outcome -> assertThat(outcome.equals(made)
                || outcome instanceof LedgerError error && error.kind() == ErrorKind.CONFLICT).as(outcome.toString())
                .isTrue());
        assertThat(send(clone, Map.of(AuditMetadata.IDEMPOTENCY_KEY, key))).isEqualTo(made);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"raced-once\"")).isEqualTo(1);
    }

    @Test
    void aCloneWhoseAnswerWasLostIsAnsweredOnRetryWithTheSameStatusAndId() {
        HttpApi keyed = api.with("Idempotency-Key", "lost-clone-" + UUID.randomUUID());
        Map<String, Object> body = Map.of("collection_name", "lost-answer");

        HttpApi.Response lost = keyed.with(LostResponseFilter.HEADER, "true")
                .post("/v1/collections/" + source + "/clone", body);
        HttpApi.Response retry = keyed.post("/v1/collections/" + source + "/clone", body);

        assertThat(lost.status()).isEqualTo(500);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        String id = retry.text("collection.collection_id");
        assertThat(retry.text("collection.collection_name")).isEqualTo("lost-answer");
        assertThat(retry.text("source_collection_id")).isEqualTo(source);
        assertThat(storedEvents("CollectionCloned", "\"collectionName\":\"lost-answer\"")).isEqualTo(1);
        assertThat(storedEvents("CollectionCloned", id)).isEqualTo(1);
        assertThat(api.post("/v1/collections/list", Map.of("filters", Map.of("AND", List.of(Map.of(
                "field", "collection_name", "operator", "eq", "value", "lost-answer")))))
                .at("total_count").asInt()).isEqualTo(1);
        assertThat(keyed.post("/v1/collections/" + source + "/clone", body).text("collection.collection_id"))
                .isEqualTo(id);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAnsweredOnRetryWithTheSameStatusAndId() {
        HttpApi keyed = api.with("Idempotency-Key", "lost-create-" + UUID.randomUUID());

        HttpApi.Response lost = keyed.with(LostResponseFilter.HEADER, "true")
                .post("/v1/collections", textCollection("lost-create", bucket));
        HttpApi.Response retry = keyed.post("/v1/collections", textCollection("lost-create", bucket));

        assertThat(lost.status()).isEqualTo(500);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.text("collection_name")).isEqualTo("lost-create");
        assertThat(storedEvents("CollectionCreated", "\"collectionName\":\"lost-create\"")).isEqualTo(1);
        assertThat(api.get("/v1/collections/lost-create").text("collection_id")).isEqualTo(retry.text("collection_id"));
    }

    @Test
    void templateRoutesWhoseAnswersWereLostAnswerTheSameTemplateAndCollection() {
        HttpApi capturing = api.with("Idempotency-Key", "lost-capture-" + UUID.randomUUID());
        Map<String, Object> capture = Map.of("template_name", "lost-template");
        assertThat(capturing.with(LostResponseFilter.HEADER, "true")
                .post(TEMPLATES + "/from-collection/" + source, capture).status()).isEqualTo(500);
        HttpApi.Response captured = capturing.post(TEMPLATES + "/from-collection/" + source, capture);
        assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
        String templateId = captured.text("template_id");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?",
                Integer.class, "com.collectionledger.api.template.TemplateCreated")).isPositive();
        assertThat(api.get(TEMPLATES + "/" + templateId).status()).isEqualTo(200);

        HttpApi instantiating = api.with("Idempotency-Key", "lost-instance-" + UUID.randomUUID());
        Map<String, Object> instantiate = Map.of("collection_name", "lost-instance", "bucket_ids", List.of(bucket));
        assertThat(instantiating.with(LostResponseFilter.HEADER, "true")
                .post(TEMPLATES + "/" + templateId + "/instantiate", instantiate).status()).isEqualTo(500);
        HttpApi.Response instantiated = instantiating.post(TEMPLATES + "/" + templateId + "/instantiate", instantiate);
        assertThat(instantiated.status()).as(instantiated.toString()).isEqualTo(201);
        assertThat(api.get("/v1/collections/lost-instance").text("collection_id"))
                .isEqualTo(instantiated.text("collection_id"));
        assertThat(storedEvents("CollectionInstantiated", "\"collectionName\":\"lost-instance\"")).isEqualTo(1);
    }

    private Object send(Object command, Map<String, Object> metaData) {
        Map<String, Object> withCaller = new HashMap<>(Map.of(AuditMetadata.ACTOR_SERVICE, "dedup-test"));
        withCaller.putAll(metaData);
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(withCaller));
    }
}
