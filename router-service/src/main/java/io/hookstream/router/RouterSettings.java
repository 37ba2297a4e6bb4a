package io.hookstream.router;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The router's Kafka Streams settings.
 *
 * @param applicationId  the Streams application id: consumer group and prefix of internal topics
 * @param stateDir       where local state stores live
 * @param streamThreads  stream threads of this instance
 * @param commitInterval how often transactions commit; the upper bound of end-to-end latency under EOS
 * @param closeTimeout   how long a stop waits for in-flight transactions
 * @param maxTaskIdle    how long a task waits for a lagging input partition, so hooks and events are read in order
 */
@ConfigurationProperties("hookstream.router")
public record RouterSettings(
        String applicationId,
        Path stateDir,
        int streamThreads,
        Duration commitInterval,
        Duration closeTimeout,
        Duration maxTaskIdle) {

    /**
     * The default of {@code maxTaskIdle}: Kafka's own, under which a task still waits for a partition known to
     * lag. Waiting longer (250 ms was measured) halved the shared path's throughput, whose join reads two
     * repartition topics, for no gain in ordering the tests could show.
     */
    public static final Duration DEFAULT_MAX_TASK_IDLE = Duration.ZERO;

    public RouterSettings {
        java.util.Objects.requireNonNull(applicationId, "applicationId");
        java.util.Objects.requireNonNull(stateDir, "stateDir");
        java.util.Objects.requireNonNull(commitInterval, "commitInterval");
        java.util.Objects.requireNonNull(closeTimeout, "closeTimeout");
        java.util.Objects.requireNonNull(maxTaskIdle, "maxTaskIdle");
    }

    /** What the binder calls: missing keys arrive as null and take their defaults. */
    @ConstructorBinding
    public RouterSettings(@Nullable String applicationId, @Nullable Path stateDir, @Nullable Integer streamThreads,
            @Nullable Duration commitInterval, @Nullable Duration closeTimeout, @Nullable Duration maxTaskIdle) {
        this(applicationId == null ? "hookstream-router" : applicationId,
            stateDir == null ? Path.of(System.getProperty("user.home"), ".hookstream", "router-state") : stateDir,
            streamThreads == null ? 1 : streamThreads,
            commitInterval == null ? Duration.ofMillis(100) : commitInterval,
            closeTimeout == null ? Duration.ofSeconds(30) : closeTimeout,
            maxTaskIdle == null ? DEFAULT_MAX_TASK_IDLE : maxTaskIdle);
    }
}
