package com.collectionledger.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The service's own settings, {@code ledger.*}, and the one place their defaults live (an absent
 * setting binds as null and takes its default here). Environment variables bind by name
 * ({@code LEDGER_DATA_DIR} sets {@code ledger.data-dir}); application.yml maps the few documented
 * under other names.
 *
 * @param dataDir                where the embedded H2 database lives unless spring.datasource.url says otherwise
 * @param bootstrapApiKey        when set, an admin key that works from the first start on
 * @param readYourWritesTimeout  how long a write waits for the read model to show it before answering anyway
 * @param snapshotThreshold      a collection's aggregate is snapshotted every this many events
 * @param aggregateCacheSize     at most this many collections are kept in the aggregate cache (0 turns it off)
 * @param maxBodySize            larger request bodies get 413
 * @param role                   what the node runs: the command side and write routes, the query side and
 *                               read routes, or both (see RoleConfiguration)
 * @param retryAfter             what a 503 (the database or Axon Server unreachable, shutting down) tells a
 *                               client to wait before retrying, in its Retry-After header (whole seconds)
 * @param security               how requests' access checks read the store
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(String dataDir, String bootstrapApiKey, Duration readYourWritesTimeout,
                               ReadModel readModel, Integer snapshotThreshold, Integer aggregateCacheSize,
                               Store store, RateLimit rateLimit,
                               DataSize maxBodySize, Role role, Duration retryAfter, Security security) {

    public LedgerProperties {
        dataDir = dataDir != null ? dataDir : "./data";
        bootstrapApiKey = bootstrapApiKey != null ? bootstrapApiKey : "";
        readYourWritesTimeout = readYourWritesTimeout != null ? readYourWritesTimeout : Duration.ofSeconds(10);
        readModel = readModel != null ? readModel : new ReadModel(null, null, null, null, null);
        snapshotThreshold = snapshotThreshold != null ? snapshotThreshold : 100;
        aggregateCacheSize = aggregateCacheSize != null ? aggregateCacheSize : 10_000;
        store = store != null ? store : new Store(null, null, null);
        rateLimit = rateLimit != null ? rateLimit : new RateLimit(null, null);
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofKilobytes(256);
        role = role != null ? role : Role.BOTH;
        retryAfter = retryAfter != null ? retryAfter : Duration.ofSeconds(2);
        security = security != null ? security : new Security(null);
    }

    /**
     * @param batchSize          events per read-model transaction
     * @param segments           segments of a new read-model processor (existing tokens keep theirs)
     * @param maxClaimedSegments at most this many segments claimed by this node; 0 for no cap
     * @param claimTimeout       a segment whose owner has not extended its claim for this long may be
     *                           claimed by another node (a killed node's segments move after it); a node
     *                           whose heartbeat is older no longer counts when the segments are shared out
     * @param replayDeadline     a replay whose segments were not all released this long after it was asked
     *                           for is abandoned, and every node resumes where it was
     */
    public record ReadModel(Integer batchSize, Integer segments, Integer maxClaimedSegments, Duration claimTimeout,
                            Duration replayDeadline) {

        public ReadModel {
            batchSize = batchSize != null ? batchSize : 100;
            segments = segments != null ? segments : 16;
            maxClaimedSegments = maxClaimedSegments != null ? maxClaimedSegments : 0;
            claimTimeout = claimTimeout != null ? claimTimeout : Duration.ofSeconds(5);
            replayDeadline = replayDeadline != null ? replayDeadline : Duration.ofMinutes(1);
        }
    }

    /**
     * @param statementTimeout, idleInTransactionTimeout every PostgreSQL session's limits: far below the
     *                          processors' 60 s gap timeout, so no appending transaction can commit after
     *                          its gap was given up (see PostgresSessions)
     * @param eventPollInterval how often the event store is read for events this process did not append
     *                          (another node's); its own appends are seen at once
     */
    public record Store(Duration statementTimeout, Duration idleInTransactionTimeout, Duration eventPollInterval) {

        public Store {
            eventPollInterval = eventPollInterval != null ? eventPollInterval : Duration.ofMillis(25);
            statementTimeout = statementTimeout != null ? statementTimeout : Duration.ofSeconds(10);
            idleInTransactionTimeout = idleInTransactionTimeout != null ? idleInTransactionTimeout
                    : Duration.ofSeconds(10);
        }
    }

    /**
     * @param lookupCacheTtl how long a node goes on using an API key or a namespace it read for a request's access
     *                       check (see AccessLookups): a key revoked, a namespace renamed or deleted on another
     *                       node is refused here at most this much later; on this node at once. 0 reads every time
     */
    public record Security(Duration lookupCacheTtl) {

        public Security {
            lookupCacheTtl = lookupCacheTtl != null ? lookupCacheTtl : Duration.ofSeconds(2);
        }
    }

    /** Per API key: a burst, then this many requests a second (429 with Retry-After beyond); 0 turns it off. */
    public record RateLimit(Double requestsPerSecond, Double burst) {

        public RateLimit {
            requestsPerSecond = requestsPerSecond != null ? requestsPerSecond : 100.0;
            burst = burst != null ? burst : 200.0;
        }
    }
}
