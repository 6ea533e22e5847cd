package com.collectionledger.service.security;

import com.collectionledger.command.directory.NamespaceDirectoryChanged;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.service.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a request's API key and namespace are kept in memory, and what drops them sooner. On a test's clock. */
class AccessLookupsTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String SECRET = "sk_test_lookups_0123456789abcdefghijklmnopqr";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final AccessLookups lookups = new AccessLookups(TTL, clock);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aKeyIsReadOnceAndKeptForTheTimeToLive() {
        ApiKey key = key(null);

        assertThat(lookups.key(SECRET, store(key))).contains(key);
        clock.advance(TTL.minusMillis(1));
        assertThat(lookups.key(SECRET, store(key))).contains(key);
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(lookups.key(SECRET, store(key))).contains(key);
        assertThat(reads).as("read again once its time was up").hasValue(2);
    }

    @Test
    void aKeyIsNeverUsedPastItsExpiryEvenWhileKept() {
        ApiKey expiring = key(clock.instant().plusMillis(500));
        lookups.key(SECRET, store(expiring));

        clock.advance(Duration.ofMillis(500));

        assertThat(lookups.key(SECRET, store(null))).as("the store no longer finds it either").isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void whatWasNotFoundIsNotKept() {
        assertThat(lookups.key(SECRET, store(null))).isEmpty();

        assertThat(lookups.key(SECRET, store(key(null)))).isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRevokedKeyIsDroppedAtOnce() {
        ApiKey key = key(null);
        lookups.key(SECRET, store(key));

        lookups.on(new ApiKeyRevoked(key.keyId()));

        assertThat(lookups.key(SECRET, store(null))).isEmpty();
    }

    @Test
    void aLookupThatReadTheKeyWhileItWasRevokedKeepsNothing() {
        ApiKey key = key(null);
        Function<String, Optional<ApiKey>> readThenRevoked = secret -> {
            reads.incrementAndGet();
            lookups.on(new ApiKeyRevoked(key.keyId())); // committed while this read's row was on its way
            return Optional.of(key);
        };
        lookups.key(SECRET, readThenRevoked);

        assertThat(lookups.key(SECRET, store(null))).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRenamedOrDeletedNamespaceIsDroppedUnderEveryIdentifierAtOnce() {
        Directory.NamespaceEntry namespace = new Directory.NamespaceEntry("ns_one", "one", List.of());
        Directory.NamespaceEntry other = new Directory.NamespaceEntry("ns_two", "two", List.of());
        lookups.namespace("one", directory(namespace));
        lookups.namespace("ns_one", directory(namespace));
        lookups.namespace("two", directory(other));

        lookups.on(new NamespaceDirectoryChanged("ns_one"));

        assertThat(lookups.namespace("one", directory(null))).isEmpty();
        assertThat(lookups.namespace("ns_one", directory(null))).isEmpty();
        assertThat(lookups.namespace("two", directory(null))).contains(other);
        assertThat(reads).hasValue(5);
    }

    @Test
    void atMostSoManyAreKeptTheLeastRecentlyUsedDroppedFirst() {
        Directory.NamespaceEntry namespace = new Directory.NamespaceEntry("ns_one", "one", List.of());
        lookups.namespace("first", directory(namespace));
        for (int i = 0; i < AccessLookups.CAPACITY; i++) {
            lookups.namespace("other-" + i, directory(namespace));
        }
        reads.set(0);

        lookups.namespace("other-" + (AccessLookups.CAPACITY - 1), directory(namespace));
        lookups.namespace("first", directory(namespace));

        assertThat(reads).as("only the first was dropped").hasValue(1);
    }

    @Test
    void aTimeToLiveOfZeroReadsEveryTime() {
        AccessLookups uncached = new AccessLookups(Duration.ZERO, clock);
        ApiKey key = key(null);

        uncached.key(SECRET, store(key));
        uncached.key(SECRET, store(key));

        assertThat(reads).hasValue(2);
    }

    private Function<String, Optional<ApiKey>> store(ApiKey found) {
        return secret -> {
            reads.incrementAndGet();
            return Optional.ofNullable(found);
        };
    }

    private Function<String, Optional<Directory.NamespaceEntry>> directory(Directory.NamespaceEntry found) {
        return identifier -> {
            reads.incrementAndGet();
            return Optional.ofNullable(found);
        };
    }

    private static ApiKey key(Instant expiresAt) {
        return new ApiKey("key_lookups", "lookups", Set.of(Permission.READ), List.of("*"), expiresAt);
    }
}
