package com.collectionledger.command.config;

import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.LedgerException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

import java.util.Optional;

/**
 * The local command bus, and so the local segment that Axon Server hands commands to. It checks a
 * command before its unit of work starts ({@link CommandChecks}), names its caller if it does not
 * ({@link CommandCallers}), and answers the result of handling, commit included, with every failure
 * typed ({@link CommandFailures}). A failure raised while
 * committing (a name the directory's unique key gave another command, a version another change took)
 * happens outside any handler interceptor, so only the result can be translated.
 */
class LedgerCommandBus extends SimpleCommandBus {

    private final CommandDeduplication deduplication;

    LedgerCommandBus(Builder builder, CommandDeduplication deduplication) {
        super(builder);
        this.deduplication = deduplication;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        Optional<LedgerError> refusal = CommandCallers.refusal(command).or(() -> CommandChecks.refusal(command.getPayload()));
        if (refusal.isPresent()) {
            CommandCallback raw = callback;
            raw.onResult(command, new GenericCommandResultMessage<>(
                    CommandFailures.typed(new LedgerException(refusal.get()))));
            return;
        }
        CommandCallback<C, R> typed = (message, result) -> {
            CommandCallback raw = callback;
            raw.onResult(message, result.isExceptional() ? failed(message, result) : result);
        };
        super.handle(CommandCallers.named(command), handler, typed);
    }

    /**
     * A keyed command that lost a race to a send with the same key (its name or version taken by that one at
     * commit) answers what that one answered, now that it has committed; any other failure, typed.
     */
    private CommandResultMessage<?> failed(CommandMessage<?> message, CommandResultMessage<?> result) {
        Optional<CommandResultMessage<?>> first = deduplication.firstAnswer(message);
        return first.isPresent() ? first.get() : new GenericCommandResultMessage<>(
                CommandFailures.typed(message.getPayload(), result.exceptionResult()), result.getMetaData());
    }
}
