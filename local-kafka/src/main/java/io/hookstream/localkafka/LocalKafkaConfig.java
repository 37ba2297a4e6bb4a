package io.hookstream.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How to run a {@link LocalKafka} broker.
 *
 * @param dataDir the broker's storage; formatted on first start and reused afterwards, so records
 *     and the cluster id survive restarts
 * @param port the client listener port; {@code 0} picks a free port on every start
 * @param controllerPort the KRaft controller listener port; {@code 0} (the default) picks a free
 *     port on every start, which is safe because the single voter is named in the configuration
 *     rather than recorded in the metadata log
 * @param host the address both listeners bind to and the client listener advertises
 * @param overrides extra broker properties, applied over the single-node defaults; the keys that
 *     define the node's identity, listeners and storage layout are derived from the other
 *     components and cannot be overridden (see {@link #MANAGED_KEYS})
 * @param startTimeout how long {@link LocalKafka#start()} may take before it gives up and stops the
 *     broker; it is also Kafka's {@code server.max.startup.time.ms}, and a controller that misses
 *     it is a fatal fault that halts the JVM (as in the Kafka distribution), so keep it generous
 * @param membership this node's place in a cluster of several nodes ({@link ClusterLayout}), or
 *     {@code null} for a cluster of one, the default
 */
public record LocalKafkaConfig(
        Path dataDir,
        int port,
        int controllerPort,
        String host,
        Map<String, String> overrides,
        Duration startTimeout,
        @Nullable ClusterMembership membership) {

    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Broker properties that {@link LocalKafka} sets itself. Overriding one of them would make
     * {@link LocalKafka#bootstrapServers()} lie, split the storage, or break the single-voter
     * quorum.
     */
    public static final Set<String> MANAGED_KEYS =
            Set.of(
                    "process.roles",
                    "node.id",
                    "broker.id",
                    "listeners",
                    "advertised.listeners",
                    "listener.security.protocol.map",
                    "controller.listener.names",
                    "inter.broker.listener.name",
                    "controller.quorum.voters",
                    "controller.quorum.bootstrap.servers",
                    "log.dirs",
                    "log.dir",
                    "metadata.log.dir",
                    "server.max.startup.time.ms");

    public LocalKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(startTimeout, "startTimeout");
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ: " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        for (String key : overrides.keySet()) {
            if (MANAGED_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "broker property "
                                + key
                                + " is managed by LocalKafka and cannot be overridden");
            }
        }
        if (membership != null && (port == 0 || controllerPort == 0)) {
            // every node names every other's controller in its quorum configuration
            throw new IllegalArgumentException("a cluster node needs fixed ports");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
        overrides = Map.copyOf(overrides);
    }

    /** A cluster of one. */
    public LocalKafkaConfig(
            Path dataDir,
            int port,
            int controllerPort,
            String host,
            Map<String, String> overrides,
            Duration startTimeout) {
        this(dataDir, port, controllerPort, host, overrides, startTimeout, null);
    }

    /** The configuration with the default start timeout. */
    public LocalKafkaConfig(
            Path dataDir,
            int port,
            int controllerPort,
            String host,
            Map<String, String> overrides) {
        this(dataDir, port, controllerPort, host, overrides, DEFAULT_START_TIMEOUT);
    }

    /**
     * A builder storing in {@code dataDir}, listening on {@value #DEFAULT_PORT} at {@value
     * #DEFAULT_HOST}.
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        return new Builder(dataDir)
                .port(port)
                .controllerPort(controllerPort)
                .host(host)
                .overrides(overrides)
                .startTimeout(startTimeout)
                .membership(membership);
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535: " + value);
        }
    }

    /** Collects the components; {@link #build()} validates them. */
    public static final class Builder {

        private final Path dataDir;
        private int port = DEFAULT_PORT;
        private int controllerPort;
        private String host = DEFAULT_HOST;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private @Nullable ClusterMembership membership;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Sets one broker property, replacing an earlier value for the same key. */
        public Builder override(String key, String value) {
            overrides.put(
                    Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Replaces all overrides with {@code values}. */
        public Builder overrides(Map<String, String> values) {
            overrides.clear();
            values.forEach(this::override);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        /** Makes this a node of a cluster; {@code null} for a cluster of one. */
        public Builder membership(@Nullable ClusterMembership membership) {
            this.membership = membership;
            return this;
        }

        public LocalKafkaConfig build() {
            return new LocalKafkaConfig(
                    dataDir, port, controllerPort, host, overrides, startTimeout, membership);
        }
    }
}
