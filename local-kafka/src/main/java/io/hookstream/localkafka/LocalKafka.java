package io.hookstream.localkafka;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka: the {@link KafkaRaftServer} that the Kafka distribution's {@code
 * kafka.Kafka} runs, in KRaft combined mode (broker and controller, node id 1), on storage
 * formatted the way {@code kafka-storage.sh format} does it. The storage in {@link
 * LocalKafkaConfig#dataDir()} is formatted on the first start and reused on later ones, so topics,
 * records and the cluster id survive restarts.
 *
 * <p>The defaults suit one broker: internal topics with one replica and a minimum ISR of one, so
 * that idempotent and transactional producers, read-committed consumers and exactly-once Kafka
 * Streams work; no group rebalance delay; no automatic topic creation. {@link
 * LocalKafkaConfig#overrides()} changes them.
 *
 * <p>An instance runs at most once: {@link #start()} it, use {@link #bootstrapServers()}, {@link
 * #close()} it. To restart a broker, start a new instance on the same data directory. Several
 * instances with different data directories and ports can run in one JVM.
 *
 * <p>Kafka's own fault handling stays as in the distribution: a fault its controller cannot
 * survive, such as a failure during the controller's startup, halts the JVM. {@link #start()}
 * checks the controller port beforehand for that reason.
 */
public final class LocalKafka implements AutoCloseable {

    /**
     * Attempts when the client port is picked freely, because another process may take it between
     * pick and bind.
     */
    private static final int FREE_PORT_ATTEMPTS = 3;

    private static final String MAIN_LOGGING_CONFIG = "io/hookstream/localkafka/logback-main.xml";

    private enum State {
        NEW,
        RUNNING,
        CLOSED
    }

    private final LocalKafkaConfig config;
    private State state = State.NEW;
    private @Nullable KafkaRaftServer server;
    private int port;
    private int controllerPort;
    private @Nullable String clusterId;

    public LocalKafka(LocalKafkaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Formats the storage if it is new, starts the broker and waits until it answers a client, all
     * within {@link LocalKafkaConfig#startTimeout()}.
     *
     * @return this instance, started
     * @throws LocalKafkaException if the broker cannot be started or does not answer in time; it
     *     has been stopped again and this instance is closed
     * @throws IllegalStateException if this instance was started or closed before
     */
    public synchronized LocalKafka start() {
        if (state != State.NEW) {
            throw new IllegalStateException("LocalKafka can be started only once; it is " + state);
        }
        state = State.CLOSED;
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        // Kafka treats any failure of its controller's startup as fatal and halts the JVM, so a
        // taken controller
        // port must be caught before Kafka tries to bind it. A taken client port fails the start
        // cleanly.
        requireFree(config.controllerPort());
        Path logDir = BrokerSettings.logDir(config);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new LocalKafkaException("cannot create the Kafka data directory " + logDir, e);
        }
        int attempts = config.port() == 0 ? FREE_PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            Ports ports = choosePorts();
            try {
                launch(ports, logDir, deadline);
                state = State.RUNNING;
                return this;
            } catch (LocalKafkaException e) {
                if (attempt >= attempts || !isBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    private void launch(Ports ports, Path logDir, long deadline) {
        Map<String, String> properties =
                BrokerSettings.properties(config, ports.client(), ports.controller());
        KafkaConfig kafkaConfig;
        try {
            kafkaConfig = new KafkaConfig(properties, false);
        } catch (RuntimeException e) {
            throw new LocalKafkaException("invalid broker configuration: " + e.getMessage(), e);
        }
        KafkaStorage.formatIfNeeded(logDir, config.membership());
        String bootstrap = BrokerSettings.hostPort(config.host(), ports.client());
        KafkaRaftServer started = null;
        String answeredClusterId;
        try {
            started = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            started.startup();
            answeredClusterId =
                    NodeReadiness.await(
                            bootstrap,
                            Set.of(BrokerSettings.nodeId(config)),
                            deadline,
                            "local-kafka-readiness",
                            () -> {});
        } catch (RuntimeException e) {
            LocalKafkaException failure =
                    e instanceof LocalKafkaException lke
                            ? lke
                            : new LocalKafkaException(
                                    "Kafka broker did not start on "
                                            + bootstrap
                                            + ": "
                                            + e.getMessage(),
                                    e);
            if (started != null) {
                try {
                    stop(started);
                } catch (RuntimeException stopFailure) {
                    failure.addSuppressed(stopFailure);
                }
            }
            throw failure;
        }
        this.server = started;
        this.port = ports.client();
        this.controllerPort = ports.controller();
        this.clusterId = answeredClusterId;
    }

    private record Ports(int client, int controller) {}

    /** The configured ports, with each {@code 0} replaced by a port that was free a moment ago. */
    private Ports choosePorts() {
        if (config.port() != 0 && config.controllerPort() != 0) {
            return new Ports(config.port(), config.controllerPort());
        }
        // Both probes stay bound until both ports are known, so the two picks cannot coincide.
        try (ServerSocket first = probe();
                ServerSocket second = probe()) {
            int[] free = {first.getLocalPort(), second.getLocalPort()};
            int client =
                    config.port() != 0 ? config.port() : otherThan(free, config.controllerPort());
            int controller =
                    config.controllerPort() != 0
                            ? config.controllerPort()
                            : otherThan(free, client);
            return new Ports(client, controller);
        } catch (IOException e) {
            throw new LocalKafkaException("cannot find a free port on " + config.host(), e);
        }
    }

    /** One of two distinct ports that differs from {@code taken}. */
    private static int otherThan(int[] free, int taken) {
        return free[0] != taken ? free[0] : free[1];
    }

    private void requireFree(int fixedPort) {
        if (fixedPort == 0) {
            return;
        }
        try (ServerSocket ignored =
                new ServerSocket(fixedPort, 1, InetAddress.getByName(config.host()))) {
            // free
        } catch (BindException e) {
            throw new LocalKafkaException(
                    "port " + fixedPort + " on " + config.host() + " is already in use", e);
        } catch (IOException e) {
            throw new LocalKafkaException(
                    "cannot listen on " + BrokerSettings.hostPort(config.host(), fixedPort), e);
        }
    }

    private ServerSocket probe() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(config.host()));
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Controlled shutdown, then waits until every broker and controller thread has finished. */
    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        requireRunning();
        return BrokerSettings.hostPort(config.host(), port);
    }

    /** The client listener's port; the chosen one if the configuration asked for a free port. */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    /**
     * The KRaft controller listener's port; the chosen one if the configuration asked for a free
     * port.
     */
    public synchronized int controllerPort() {
        requireRunning();
        return controllerPort;
    }

    /**
     * The id the storage was formatted with; the same on every start from the same data directory.
     */
    public synchronized String clusterId() {
        requireRunning();
        return Objects.requireNonNull(clusterId);
    }

    public LocalKafkaConfig config() {
        return config;
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("LocalKafka is not running; it is " + state);
        }
    }

    /**
     * Stops the broker with a controlled shutdown and waits for it; does nothing if it is not
     * running.
     */
    @Override
    public synchronized void close() {
        KafkaRaftServer running = server;
        state = State.CLOSED;
        server = null;
        if (running != null) {
            stop(running);
        }
    }

    /**
     * Runs a broker, or with {@code --nodes N} a cluster of N node processes, until the process is
     * told to stop (SIGTERM, Ctrl-C); {@code --help} lists the options.
     */
    public static void main(String[] args) throws InterruptedException {
        CommandLineOptions options;
        try {
            options = CommandLineOptions.parse(args, Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLineOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(CommandLineOptions.USAGE);
            return;
        }
        // Must happen before the first logger exists. Only the launcher does this: applications
        // that embed
        // the broker keep their own logging configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", MAIN_LOGGING_CONFIG);
        }
        if (options.nodes() > 1 && options.nodeId() == 0) {
            runCluster(options);
            return;
        }
        LocalKafkaConfig config =
                options.nodes() > 1
                        ? options.cluster().node(options.nodeId(), options.config())
                        : options.config();
        LocalKafka kafka = new LocalKafka(config);
        runUntilStopped(
                "Kafka", kafka::start, kafka::close, () -> "ready at " + kafka.bootstrapServers());
    }

    /** Runs every node of the cluster as a child process until this process is told to stop. */
    private static void runCluster(CommandLineOptions options) throws InterruptedException {
        LocalKafkaCluster cluster =
                new LocalKafkaCluster(options.cluster(), options.config().startTimeout());
        runUntilStopped(
                "Kafka cluster",
                cluster::start,
                cluster::close,
                () -> "of " + options.nodes() + " nodes ready at " + cluster.bootstrapServers());
    }

    /**
     * Starts, reports readiness on stdout, and waits until SIGTERM or Ctrl-C, whose shutdown hook
     * closes; a failed start exits with status 1.
     */
    private static void runUntilStopped(
            String what, Runnable start, Runnable close, java.util.function.Supplier<String> ready)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        close.run();
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "local-kafka-shutdown"));
        try {
            start.run();
        } catch (LocalKafkaException e) {
            System.err.println(what + " did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(what + " " + ready.get());
        stopped.await();
    }
}
