package com.collectionledger.command.support;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.List;

/**
 * Captures the one event a command published, so a test can assert on its fields one by one:
 * {@code fixture.when(cmd).expectEventsMatching(cloned.onlyEvent()); assertThat(cloned.value()...)}.
 */
public final class Captured<T> {

    private final Class<T> type;
    private EventMessage<?> message;

    private Captured(Class<T> type) {
        this.type = type;
    }

    public static <T> Captured<T> event(Class<T> type) {
        return new Captured<>(type);
    }

    /** Matches a list of exactly one event of the captured type, and keeps it. */
    public Matcher<List<EventMessage<?>>> onlyEvent() {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                if (events.size() != 1 || !type.isInstance(events.get(0).getPayload())) {
                    mismatch.appendText("got ").appendValue(events.stream().map(EventMessage::getPayload).toList());
                    return false;
                }
                message = events.get(0);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one ").appendText(type.getSimpleName());
            }
        };
    }

    public T value() {
        if (message == null) {
            throw new AssertionError("no " + type.getSimpleName() + " was captured");
        }
        return type.cast(message.getPayload());
    }

    public EventMessage<?> message() {
        value();
        return message;
    }
}
