package io.hookstream.router;

import io.hookstream.router.format.BundleFormats;
import io.hookstream.schemas.bundle.BundleFormat;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The router's Kafka Streams settings.
 *
 * @param applicationId the Streams application id: consumer group and prefix of internal topics
 * @param stateDir where local state stores live
 * @param streamThreads stream threads of this instance
 * @param commitInterval how often transactions commit: bundles become visible to read_committed
 *     consumers only then, so this is a floor of end-to-end latency (see {@link
 *     #DEFAULT_COMMIT_INTERVAL})
 * @param closeTimeout how long a stop waits for in-flight transactions
 * @param maxTaskIdle how long a task waits for a lagging input partition, so hooks and events are
 *     read in order
 * @param producerCompression compression of what the router writes (bundles, repartitioned items,
 *     changelogs): {@code lz4} by default, see {@link #DEFAULT_PRODUCER_COMPRESSION}
 * @param stateStores where the tables the router reads (hooks, apps, connections, subscriptions)
 *     are kept locally: {@code rocksdb} by default, see {@link StateStores}
 * @param bundleFormat the format of bundles of hooks created since formats exist, and of unmatched
 *     items: {@code cloudevents-binary} by default
 * @param legacyBundleFormat the format of bundles of hooks created before formats existed: {@code
 *     avro} by default, what their consumers read; see {@link BundleFormats}
 * @param sessionTimeout how long the group waits for a router that stopped heartbeating (a killed
 *     process, a lost machine) before its partitions move to the others: {@code 10s} by default,
 *     see {@link #DEFAULT_SESSION_TIMEOUT}
 */
@ConfigurationProperties("hookstream.router")
public record RouterSettings(
        String applicationId,
        Path stateDir,
        int streamThreads,
        Duration commitInterval,
        Duration closeTimeout,
        Duration maxTaskIdle,
        String producerCompression,
        StateStores stateStores,
        BundleFormat bundleFormat,
        BundleFormat legacyBundleFormat,
        Duration sessionTimeout) {

    /**
     * The default of {@code sessionTimeout}. Kafka's consumer default is 45 s, during which the
     * partitions of a router that died without leaving the group deliver nothing; a router that
     * stops cleanly leaves at once and does not wait at all. 10 s keeps that gap short while
     * allowing a router three missed heartbeats (every {@code sessionTimeout / 3}); the broker's
     * {@code group.min.session.timeout.ms} (6 s by default) is the floor.
     */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The default of {@code maxTaskIdle}: Kafka's own, under which a task still waits for a
     * partition known to lag. Waiting longer (250 ms was measured) halved the shared path's
     * throughput, whose join reads two repartition topics, for no gain in ordering the tests could
     * show.
     */
    public static final Duration DEFAULT_MAX_TASK_IDLE = Duration.ZERO;

    /**
     * The default of {@code commitInterval}, chosen for latency: at 2,000 requests/s the end-to-end
     * p99 (HTTP accepted to bundle visible) needs an interval near 10 ms to stay under 50 ms, where
     * Kafka Streams' 100 ms gives about 200 ms. Each commit costs broker round trips, so a router
     * that must move more events per thread and can wait longer should raise it (100 ms doubled the
     * pass-through throughput of one stream thread in the router benchmark).
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(10);

    /**
     * The default of {@code producerCompression}. The broker shares the router's cores in small
     * deployments, and its work grows with the bytes it is sent; measured in the router benchmark
     * (see docs/benchmarks.md).
     */
    public static final String DEFAULT_PRODUCER_COMPRESSION = "lz4";

    public RouterSettings {
        java.util.Objects.requireNonNull(applicationId, "applicationId");
        java.util.Objects.requireNonNull(stateDir, "stateDir");
        java.util.Objects.requireNonNull(commitInterval, "commitInterval");
        java.util.Objects.requireNonNull(closeTimeout, "closeTimeout");
        java.util.Objects.requireNonNull(maxTaskIdle, "maxTaskIdle");
        java.util.Objects.requireNonNull(producerCompression, "producerCompression");
        java.util.Objects.requireNonNull(stateStores, "stateStores");
        java.util.Objects.requireNonNull(bundleFormat, "bundleFormat");
        java.util.Objects.requireNonNull(legacyBundleFormat, "legacyBundleFormat");
        java.util.Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }

    /** As before bundle formats existed: every other setting at its default. */
    public RouterSettings(
            @Nullable String applicationId,
            @Nullable Path stateDir,
            @Nullable Integer streamThreads,
            @Nullable Duration commitInterval,
            @Nullable Duration closeTimeout,
            @Nullable Duration maxTaskIdle,
            @Nullable String producerCompression,
            @Nullable StateStores stateStores) {
        this(
                applicationId,
                stateDir,
                streamThreads,
                commitInterval,
                closeTimeout,
                maxTaskIdle,
                producerCompression,
                stateStores,
                null,
                null,
                null);
    }

    /** The formats routing writes, see {@link BundleFormats}. */
    public BundleFormats formats() {
        return new BundleFormats(bundleFormat, legacyBundleFormat);
    }

    /** What the binder calls: missing keys arrive as null and take their defaults. */
    @ConstructorBinding
    public RouterSettings(
            @Nullable String applicationId,
            @Nullable Path stateDir,
            @Nullable Integer streamThreads,
            @Nullable Duration commitInterval,
            @Nullable Duration closeTimeout,
            @Nullable Duration maxTaskIdle,
            @Nullable String producerCompression,
            @Nullable StateStores stateStores,
            @Nullable BundleFormat bundleFormat,
            @Nullable BundleFormat legacyBundleFormat,
            @Nullable Duration sessionTimeout) {
        this(
                applicationId == null ? "hookstream-router" : applicationId,
                stateDir == null
                        ? Path.of(System.getProperty("user.home"), ".hookstream", "router-state")
                        : stateDir,
                streamThreads == null ? 1 : streamThreads,
                commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval,
                closeTimeout == null ? Duration.ofSeconds(30) : closeTimeout,
                maxTaskIdle == null ? DEFAULT_MAX_TASK_IDLE : maxTaskIdle,
                producerCompression == null ? DEFAULT_PRODUCER_COMPRESSION : producerCompression,
                stateStores == null ? StateStores.ROCKSDB : stateStores,
                bundleFormat == null ? BundleFormats.defaults().configured() : bundleFormat,
                legacyBundleFormat == null ? BundleFormats.defaults().legacy() : legacyBundleFormat,
                sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout);
    }

    /**
     * Where the router's tables live on an instance. Both are restored from their compacted topics,
     * so the choice changes start-up time and memory, never what is routed.
     */
    public enum StateStores {
        /**
         * On local disk in RocksDB: tables larger than the heap, and a clean restart reads only
         * what changed since its last checkpoint.
         */
        ROCKSDB,
        /**
         * On the heap: every table must fit in memory and is read again from its topic at every
         * start. Reads skip RocksDB, which measured 5 % more events per second on one stream thread
         * (docs/benchmarks.md).
         */
        IN_MEMORY
    }
}
