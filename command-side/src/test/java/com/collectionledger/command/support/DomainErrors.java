package com.collectionledger.command.support;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.collectionledger.api.error.Violation;
import com.collectionledger.command.domain.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.List;
import java.util.function.Predicate;

/** Hamcrest matchers over the {@link LedgerError} of a {@link DomainException}. */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** A DomainException of this kind. */
    public static Matcher<Object> kind(ErrorKind kind) {
        return error("a DomainException of kind " + kind, e -> e.kind() == kind);
    }

    /** A 422 DomainException with (at least) a violation at exactly this JSON path. */
    public static Matcher<Object> invalidAt(String... location) {
        List<String> path = List.of(location);
        return error("a VALIDATION DomainException with a violation at " + path,
                e -> e.kind() == ErrorKind.VALIDATION
                        && e.violations().stream().anyMatch(v -> v.location().equals(path)));
    }

    /** A 422 DomainException whose violation locations are exactly these, in any order. */
    public static Matcher<Object> invalidOnlyAt(List<?>... locations) {
        List<List<?>> expected = List.of(locations);
        return error("a VALIDATION DomainException with violations at exactly " + expected,
                e -> e.kind() == ErrorKind.VALIDATION
                        && e.violations().size() == expected.size()
                        && expected.stream().allMatch(p -> e.violations().stream()
                        .anyMatch(v -> v.location().equals(p))));
    }

    /** A 422 DomainException with a violation at this path whose type is {@code type}. */
    public static Matcher<Object> invalidAt(String type, List<String> location) {
        return error("a VALIDATION DomainException with a '" + type + "' violation at " + location,
                e -> e.kind() == ErrorKind.VALIDATION
                        && e.violations().stream()
                        .anyMatch(v -> v.location().equals(location) && v.type().equals(type)));
    }

    /** A DomainException whose details contain this entry. */
    public static Matcher<Object> detail(String key, Object value) {
        return error("a DomainException with detail " + key + "=" + value,
                e -> value.equals(e.details().get(key)));
    }

    public static List<String> at(String... path) {
        return List.of(path);
    }

    private static Matcher<Object> error(String what, Predicate<LedgerError> test) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (!(item instanceof DomainException e)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                if (!test.test(e.error())) {
                    mismatch.appendText("was ").appendText(describe(e.error()));
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }
        };
    }

    static String describe(LedgerError error) {
        StringBuilder text = new StringBuilder(error.kind() + " '" + error.message() + "'");
        if (!error.details().isEmpty()) {
            text.append(" details=").append(error.details());
        }
        for (Violation v : error.violations()) {
            text.append("\n    ").append(v.location()).append(" ").append(v.type()).append(": ").append(v.message());
        }
        return text.toString();
    }
}
