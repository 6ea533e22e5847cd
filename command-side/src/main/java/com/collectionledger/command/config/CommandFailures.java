package com.collectionledger.command.config;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.lifecycle.ShutdownInProgressException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every way handling a command can fail, committing included, as the typed {@link LedgerError} its
 * caller receives. The exception a caller gets carries only that error (and the domain's own
 * exception, whose message is the error's): no SQL, payload or stack trace of the store leaves here,
 * locally or over Axon Server, which sends the message of every cause along.
 */
final class CommandFailures {

    private static final Logger log = LoggerFactory.getLogger(CommandFailures.class);

    private CommandFailures() {
    }

    static CommandExecutionException typed(Object command, Throwable failure) {
        if (failure instanceof CommandExecutionException typed && typed.getDetails().orElse(null) instanceof LedgerError
                && (typed.getCause() == null || typed.getCause() instanceof LedgerException)) {
            return typed;
        }
        Optional<LedgerException> domain = find(failure, LedgerException.class);
        if (domain.isPresent()) {
            return new CommandExecutionException(domain.get().getMessage(), domain.get(), domain.get().error());
        }
        LedgerError error = errorOf(command, failure);
        return new CommandExecutionException(error.message(), null, error);
    }

    static CommandExecutionException typed(LedgerException failure) {
        return new CommandExecutionException(failure.getMessage(), failure, failure.error());
    }

    private static LedgerError errorOf(Object command, Throwable failure) {
        Optional<AggregateNotFoundException> notFound = find(failure, AggregateNotFoundException.class);
        if (notFound.isPresent()) {
            String id = String.valueOf(notFound.get().getAggregateIdentifier());
            return LedgerException.notFound(resourceOf(id), id).error();
        }
        if (find(failure, AggregateStreamCreationException.class).isPresent() || (isUniqueKeyViolation(failure)
                && find(failure, ConcurrencyException.class).isEmpty())) {
            log.debug("command {} lost a race for a unique key", name(command), failure);
            // A unique key of the event store (a new stream) or of the directory: the new ID is taken.
            Optional<CommandChecks.Created> created = CommandChecks.created(command);
            return created.map(CommandChecks::alreadyExists).orElseGet(CommandFailures::concurrentChange);
        }
        if (find(failure, ConcurrencyException.class).isPresent()) {
            log.debug("command {} lost a race for a version", name(command), failure);
            return concurrentChange();
        }
        if (isUnavailable(failure)) {
            log.warn("command {} refused while the service or its store is unavailable: {}", name(command),
                    failure.toString());
            return LedgerError.of(ErrorKind.SERVICE_UNAVAILABLE, "the service cannot take this command now; retry");
        }
        log.error("command {} failed", name(command), failure);
        return LedgerError.of(ErrorKind.INTERNAL, "internal error");
    }

    /** Two changes of one aggregate raced for the same version; this one lost. */
    private static LedgerError concurrentChange() {
        return LedgerError.of(ErrorKind.CONFLICT,
                "the collection was changed by another request at the same time; read it again and retry");
    }

    private static String resourceOf(String id) {
        for (String resource : new String[]{"collection:col_", "namespace:ns_", "bucket:bkt_", "template:tmpl_"}) {
            String[] parts = resource.split(":");
            if (id.startsWith(parts[1])) {
                return parts[0];
            }
        }
        return "resource";
    }

    /** A unique key of the store refused a row (SQL state class 23), wherever it was wrapped. */
    private static boolean isUniqueKeyViolation(Throwable failure) {
        return any(failure, t -> t instanceof DuplicateKeyException
                || t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                || t instanceof EventStoreException && any(t, c -> c instanceof SQLException sql
                        && sql.getSQLState() != null && sql.getSQLState().startsWith("23")));
    }

    /**
     * Failures of the moment, not of the command: the service is shutting down, or the store's
     * connection failed or was cut off (SQL states 08, 57P, 25P03). Nothing was stored.
     */
    private static boolean isUnavailable(Throwable failure) {
        return any(failure, t -> t instanceof ShutdownInProgressException || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("25P03")));
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static String name(Object command) {
        return command == null ? "null" : command.getClass().getSimpleName();
    }
}
