package com.collectionledger.command.config;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command keeps the caller it names; one that names none is marked as sent by an unknown service. */
class CommandCallersTest {

    @Test
    void anHttpRequestsKeyOrABusServiceIsKept() {
        CommandMessage<String> byKey = command(Map.of(AuditMetadata.ACTOR_KEY_ID, "key_1"));
        CommandMessage<String> byService = command(Map.of(AuditMetadata.ACTOR_SERVICE, "search-indexer"));

        assertThat(CommandCallers.named(byKey)).isSameAs(byKey);
        assertThat(CommandCallers.named(byService)).isSameAs(byService);
    }

    @Test
    void aCommandNamingNoCallerOrABlankServiceIsSentByAnUnknownService() {
        assertThat(CommandCallers.named(command(Map.of(AuditMetadata.REQUEST_ID, "req-1"))).getMetaData())
                .containsEntry(AuditMetadata.ACTOR_SERVICE, AuditMetadata.UNKNOWN_SERVICE)
                .containsEntry(AuditMetadata.REQUEST_ID, "req-1");
        assertThat(CommandCallers.named(command(Map.of(AuditMetadata.ACTOR_SERVICE, " "))).getMetaData())
                .containsEntry(AuditMetadata.ACTOR_SERVICE, AuditMetadata.UNKNOWN_SERVICE);
    }

    @Test
    void aServiceNameThatNoEventCouldRecordIsRefusedWithItsLocation() {
        assertThat(CommandCallers.refusal(command(Map.of(AuditMetadata.ACTOR_SERVICE, "search indexer")))).isEmpty();
        assertThat(CommandCallers.refusal(command(Map.of(AuditMetadata.REQUEST_ID, "req-1")))).isEmpty();
        assertThat(CommandCallers.refusal(command(Map.of(AuditMetadata.ACTOR_SERVICE, "x".repeat(128))))).isEmpty();

        for (Object bad : List.of("x".repeat(129), "indexer\n", "caf\u00e9", 42)) {
            LedgerError refusal = CommandCallers.refusal(command(Map.of(AuditMetadata.ACTOR_SERVICE, bad))).orElseThrow();
            assertThat(refusal.kind()).as("%s", bad).isEqualTo(ErrorKind.VALIDATION);
            assertThat(refusal.violations()).singleElement()
                    .satisfies(violation -> assertThat(violation.location()).containsExactly(AuditMetadata.ACTOR_SERVICE));
        }
    }

    private static CommandMessage<String> command(Map<String, ?> metaData) {
        return GenericCommandMessage.<String>asCommandMessage("payload").andMetaData(metaData);
    }
}
