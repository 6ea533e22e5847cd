package com.collectionledger.command.config;

import com.collectionledger.api.AuditMetadata;
import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import com.collectionledger.api.error.Violation;
import com.collectionledger.support.Sha256;
import com.collectionledger.support.StoredJson;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Handles a command sent with an {@link AuditMetadata#IDEMPOTENCY_KEY} once per caller and key (for 24
 * hours): the record of its result is written in the command's own transaction, so it commits exactly
 * when the command's events do. A command sent again with the same key answers that result without being
 * handled again; with another request under the same key it is refused. Two sends at once both run: the
 * one that fails on what the first one committed (its name, its version, the record's primary key) answers
 * the first one's result ({@link #firstAnswer}, asked by {@link LedgerCommandBus} once it has rolled back),
 * or CONFLICT while the first one has not committed yet: retried, it answers that result.
 * <p>
 * It runs as a handler interceptor, inside the unit of work whose transaction is already open, so its
 * reads and writes join that transaction.
 */
final class CommandDeduplication implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern SANE_FINGERPRINT = Pattern.compile("[\\x21-\\x7e]{1,128}");
    /** Every key is purged when it is used again; the rest in one statement at most this often. */
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private record Recorded(String fingerprint, String resultType, String resultJson) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    CommandDeduplication(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        if (!(key instanceof String idempotencyKey) || !SANE_KEY.matcher(idempotencyKey).matches()) {
            throw new LedgerException(LedgerError.invalid(List.of(Violation.at(
                    "the idempotency key must be 1 to 255 printable ASCII characters", "string_pattern_mismatch",
                    AuditMetadata.IDEMPOTENCY_KEY))));
        }
        String caller = callerOf(command);
        String fingerprint = fingerprintOf(command);
        Instant now = clock.instant();
        purge(caller, idempotencyKey, now);
        Optional<Recorded> earlier = recorded(caller, idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new LedgerException(reused());
            }
            return resultOf(earlier.get());
        }
        Object result = chain.proceed();
        try {
            jdbc.update("INSERT INTO command_idempotency (caller, idempotency_key, request_fingerprint, result_type, "
                            + "result_json, created_at) VALUES (?, ?, ?, ?, ?, ?)", caller, idempotencyKey, fingerprint,
                    result == null ? null : result.getClass().getName(), result == null ? null : StoredJson.write(result),
                    Timestamp.from(now));
        } catch (DuplicateKeyException | PessimisticLockingFailureException concurrent) {
            throw inProgress();
        }
        return result;
    }

    /**
     * For a keyed command that failed: the answer of the send with the same key that committed meanwhile (a
     * retry would get it), or, if that send was another request, the refusal of the reused key. Read after the
     * failed command's transaction ended, so a concurrent winner's record is visible once it has committed.
     */
    Optional<CommandResultMessage<?>> firstAnswer(CommandMessage<?> command) {
        if (!(command.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY) instanceof String key)
                || !SANE_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            Optional<Recorded> earlier = recorded(callerOf(command), key);
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            if (!earlier.get().fingerprint().equals(fingerprintOf(command))) {
                return Optional.of(new GenericCommandResultMessage<>(CommandFailures.typed(new LedgerException(reused()))));
            }
            return Optional.of(new GenericCommandResultMessage<>(resultOf(earlier.get())));
        } catch (RuntimeException | ClassNotFoundException unreadable) { // the store itself failing: the failure stands
            return Optional.empty();
        }
    }

    private Optional<Recorded> recorded(String caller, String key) {
        return jdbc.query("SELECT request_fingerprint, result_type, result_json "
                        + "FROM command_idempotency WHERE caller = ? AND idempotency_key = ?",
                (rs, i) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3)), caller, key)
                .stream().findFirst();
    }

    private static LedgerException inProgress() {
        return new LedgerException(LedgerError.of(ErrorKind.CONFLICT,
                "a command with this idempotency key is being handled at the same time; retry to get its result",
                Map.of("reason", "idempotency_key_in_progress")));
    }

    /** The same key with a different request: the violation names the key, in the metadata. */
    static LedgerError reused() {
        return LedgerError.invalid(List.of(Violation.at(
                "this idempotency key was used with a different request in the last 24 hours",
                "idempotency_key_reused", AuditMetadata.IDEMPOTENCY_KEY)));
    }

    /** Keys are per caller: an API key's, or a bus service's (named by {@link CommandCallers} by now). */
    private static String callerOf(CommandMessage<?> command) {
        Object keyId = command.getMetaData().get(AuditMetadata.ACTOR_KEY_ID);
        return keyId != null ? "key:" + keyId : "service:" + command.getMetaData().get(AuditMetadata.ACTOR_SERVICE);
    }

    private static String fingerprintOf(CommandMessage<?> command) {
        Object given = command.getMetaData().get(AuditMetadata.REQUEST_FINGERPRINT);
        if (given != null) {
            if (!(given instanceof String fingerprint) || !SANE_FINGERPRINT.matcher(fingerprint).matches()) {
                throw new LedgerException(LedgerError.invalid(List.of(Violation.at(
                        "the request fingerprint must be 1 to 128 printable ASCII characters",
                        "string_pattern_mismatch", AuditMetadata.REQUEST_FINGERPRINT))));
            }
            return fingerprint;
        }
        return new Sha256().add(command.getCommandName()).add("\n").add(StoredJson.write(command.getPayload())).hex();
    }

    /** The recorded result as the handler returned it: an ID, an outcome, or nothing. */
    private static Object resultOf(Recorded recorded) throws ClassNotFoundException {
        if (recorded.resultType() == null) {
            return null;
        }
        String type = recorded.resultType();
        if (!type.equals(String.class.getName()) && !type.startsWith("com.collectionledger.api.")) {
            throw new IllegalStateException("unexpected recorded result type " + type);
        }
        Class<?> resultClass = Class.forName(type, false, CommandDeduplication.class.getClassLoader());
        return StoredJson.read(recorded.resultJson(), resultClass);
    }

    /** Records older than the retention: this key's, and now and then everyone's. */
    private void purge(String caller, String key, Instant now) {
        Timestamp expired = Timestamp.from(now.minus(RETENTION));
        jdbc.update("DELETE FROM command_idempotency WHERE caller = ? AND idempotency_key = ? AND created_at < ?",
                caller, key, expired);
        Instant last = lastPurge.get();
        if (last.isBefore(now.minus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM command_idempotency WHERE created_at < ?", expired);
        }
    }
}
