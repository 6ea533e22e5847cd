package com.collectionledger.command.support;

import com.collectionledger.command.domain.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;

/**
 * The given/when/expect runs the aggregate tests share. Each takes the "given" part, either the
 * fixture itself (no prior activity) or what {@code fixture.given(...)} returns, and the command:
 * <pre>{@code
 * rejected(fixture, create("ab", config), invalidAt("collection_name"));
 * rejected(fixture.given(articleEmbeddingsCreated()), patch(...), kind(ErrorKind.NOT_FOUND))
 *         .expectExceptionMessage("...");
 * CollectionCreated event = onlyEvent(fixture, create("merged", config), CollectionCreated.class);
 * }</pre>
 */
public final class FixtureRuns {

    private FixtureRuns() {
    }

    /** {@link #rejected(TestExecutor, Object, Matcher[])} with no prior activity. */
    @SafeVarargs
    public static <T> ResultValidator<T> rejected(AggregateTestFixture<T> fixture, Object command,
                                                  Matcher<Object>... errors) {
        return rejected(fixture.givenNoPriorActivity(), command, errors);
    }

    /**
     * When {@code command} follows {@code given}: no events, and a {@link DomainException} that
     * matches each of {@code errors}. Further expectations chain on the result.
     */
    @SafeVarargs
    public static <T> ResultValidator<T> rejected(TestExecutor<T> given, Object command, Matcher<Object>... errors) {
        ResultValidator<T> result = given.when(command)
                .expectNoEvents()
                .expectException(DomainException.class);
        for (Matcher<Object> error : errors) {
            result.expectException(error);
        }
        return result;
    }

    /** {@link #onlyEvent(TestExecutor, Object, Class)} with no prior activity. */
    public static <E> E onlyEvent(AggregateTestFixture<?> fixture, Object command, Class<E> type) {
        return onlyEvent(fixture.givenNoPriorActivity(), command, type);
    }

    /**
     * When {@code command} follows {@code given}: the handler succeeds and publishes exactly one
     * event, of {@code type}, which is returned.
     */
    public static <E> E onlyEvent(TestExecutor<?> given, Object command, Class<E> type) {
        Captured<E> captured = Captured.event(type);
        given.when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(captured.onlyEvent());
        return captured.value();
    }
}
