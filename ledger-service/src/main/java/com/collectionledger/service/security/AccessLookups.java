package com.collectionledger.service.security;

import com.collectionledger.command.directory.NamespaceDirectoryChanged;
import com.collectionledger.command.domain.Directory;
import com.collectionledger.support.Sha256;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every request's access check reads from the store, its API key and the namespace its {@code X-Namespace}
 * names, kept in memory for at most {@code timeToLive} after it was read (and never past the key's expiry), at
 * most {@value #CAPACITY} of each, the least recently used dropped first. Only what was found is kept: a key or
 * namespace created a moment ago is found at once.
 * <p>
 * A revoked key and a renamed or deleted namespace are dropped on this node as soon as the change has committed
 * ({@link ApiKeyRevoked}, {@link NamespaceDirectoryChanged}); a lookup that read the old row while the change
 * committed keeps nothing. Another node, which learns of the change only from the store, goes on using what it
 * read for at most {@code timeToLive}.
 */
public final class AccessLookups {

    static final int CAPACITY = 10_000;

    private record Entry<V>(V value, Instant freshUntil) {
    }

    private final Duration timeToLive;
    private final Clock clock;
    private final Lookups<ApiKey> keys = new Lookups<>();
    private final Lookups<Directory.NamespaceEntry> namespaces = new Lookups<>();

    public AccessLookups(Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** The live key with this secret: kept, or found by {@code authenticate} (which reads the store). */
    public Optional<ApiKey> key(String secret, Function<String, Optional<ApiKey>> authenticate) {
        Instant now = clock.instant();
        return keys.get(Sha256.hex(secret), now, () -> authenticate.apply(secret),
                key -> key.expiresAt() == null || now.isBefore(key.expiresAt()));
    }

    /** The namespace with this ID or name: kept, or found by {@code find} (which reads the store). */
    public Optional<Directory.NamespaceEntry> namespace(String identifier,
                                                        Function<String, Optional<Directory.NamespaceEntry>> find) {
        return namespaces.get(identifier, clock.instant(), () -> find.apply(identifier), namespace -> true);
    }

    @EventListener
    void on(ApiKeyRevoked revoked) {
        keys.drop(key -> key.keyId().equals(revoked.keyId()));
    }

    /** After the transaction that renamed or deleted the namespace committed (at once when there was none). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(NamespaceDirectoryChanged changed) {
        namespaces.drop(namespace -> namespace.namespaceId().equals(changed.namespaceId()));
    }

    private final class Lookups<V> {

        private final Map<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > CAPACITY;
            }
        };
        /** Counts the drops: a lookup keeps what it read only if none happened while it read. */
        private long drops;

        Optional<V> get(String key, Instant now, Supplier<Optional<V>> read, Predicate<V> usable) {
            long dropsBefore;
            synchronized (this) {
                Entry<V> kept = entries.get(key);
                if (kept != null && now.isBefore(kept.freshUntil()) && usable.test(kept.value())) {
                    return Optional.of(kept.value());
                }
                if (kept != null) {
                    entries.remove(key);
                }
                dropsBefore = drops;
            }
            Optional<V> found = read.get();
            synchronized (this) {
                if (found.isPresent() && drops == dropsBefore && usable.test(found.get()) && !timeToLive.isZero()) {
                    entries.put(key, new Entry<>(found.get(), now.plus(timeToLive)));
                }
            }
            return found;
        }

        synchronized void drop(Predicate<V> which) {
            drops++;
            entries.values().removeIf(entry -> which.test(entry.value()));
        }
    }
}
