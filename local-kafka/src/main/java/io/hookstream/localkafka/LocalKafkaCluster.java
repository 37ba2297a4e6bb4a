package io.hookstream.localkafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A real KRaft cluster of several {@link LocalKafka} nodes, each in its own JVM process, so that
 * one can be killed the way a machine fails (SIGKILL: no controlled shutdown, nothing flushed) and
 * started again on its kept storage. Every node is a combined broker and controller; the ports and
 * folders are those of the {@link ClusterLayout}.
 *
 * <p>The children run {@link LocalKafka#main} from this JVM's class path; each writes its output to
 * {@code node-i/process.log}.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    /**
     * A broker needs little heap for a test's or a laptop's traffic, and three JVMs with the
     * default (a quarter of the machine's memory each) would crowd out the services.
     */
    private static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseG1GC");

    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private final ClusterLayout layout;
    private final Duration startTimeout;
    private final @Nullable Process[] processes;

    public LocalKafkaCluster(ClusterLayout layout, Duration startTimeout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.processes = new Process[layout.nodes()];
    }

    /**
     * Starts every node and waits until the cluster lists all of them.
     *
     * @throws LocalKafkaException if a node does not start in time; every node started is stopped
     */
    public synchronized LocalKafkaCluster start() {
        // written before any node starts, so that all format their storage with the same id
        layout.clusterId();
        try {
            for (int id = 1; id <= layout.nodes(); id++) {
                launch(id);
            }
            awaitNodes(allNodes());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public ClusterLayout layout() {
        return layout;
    }

    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    /** Kills a node with SIGKILL and waits until its process is gone. */
    public synchronized void kill(int nodeId) {
        Process process = processes[nodeId - 1];
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        await(process);
        processes[nodeId - 1] = null;
    }

    /** Stops a node with SIGTERM (a controlled shutdown) and waits until its process is gone. */
    public synchronized void stop(int nodeId) {
        Process process = processes[nodeId - 1];
        if (process == null) {
            return;
        }
        process.destroy();
        if (!await(process)) {
            process.destroyForcibly();
            await(process);
        }
        processes[nodeId - 1] = null;
    }

    /**
     * Starts a stopped or killed node again on its storage and waits until the cluster lists it.
     */
    public synchronized void restart(int nodeId) {
        if (isRunning(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is running");
        }
        launch(nodeId);
        awaitNodes(Set.of(nodeId));
    }

    public synchronized boolean isRunning(int nodeId) {
        Process process = processes[nodeId - 1];
        return process != null && process.isAlive();
    }

    /** Stops every node that runs. */
    @Override
    public synchronized void close() {
        for (int id = 1; id <= layout.nodes(); id++) {
            Process process = processes[id - 1];
            if (process != null) {
                process.destroy();
            }
        }
        for (int id = 1; id <= layout.nodes(); id++) {
            stop(id);
        }
    }

    private void launch(int nodeId) {
        Path dir = layout.nodeDir(nodeId);
        Path log = dir.resolve("process.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(NODE_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalKafka.class.getName());
        command.addAll(
                List.of(
                        "--nodes",
                        Integer.toString(layout.nodes()),
                        "--node-id",
                        Integer.toString(nodeId),
                        "--port",
                        Integer.toString(layout.basePort()),
                        "--host",
                        layout.host(),
                        "--data-dir",
                        layout.dataDir().toAbsolutePath().toString(),
                        "--start-timeout",
                        Long.toString(Math.max(1, startTimeout.toSeconds()))));
        try {
            Files.createDirectories(dir);
            processes[nodeId - 1] =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
        } catch (IOException e) {
            throw new LocalKafkaException("cannot start node " + nodeId + " of the cluster", e);
        }
    }

    private Set<Integer> allNodes() {
        Set<Integer> ids = new java.util.TreeSet<>();
        for (int id = 1; id <= layout.nodes(); id++) {
            ids.add(id);
        }
        return ids;
    }

    /**
     * Waits until the nodes in {@code expected}, asked themselves (a node killed a moment ago may
     * still be listed by the others), list every one of them.
     */
    private void awaitNodes(Set<Integer> expected) {
        String bootstrap =
                expected.stream()
                        .map(id -> BrokerSettings.hostPort(layout.host(), layout.clientPort(id)))
                        .collect(Collectors.joining(","));
        NodeReadiness.await(
                bootstrap,
                expected,
                System.nanoTime() + startTimeout.toNanos(),
                "local-kafka-cluster-readiness",
                () -> {
                    for (int id : expected) {
                        Process process = processes[id - 1];
                        if (process == null || !process.isAlive()) {
                            throw new LocalKafkaException(
                                    "node "
                                            + id
                                            + " exited while starting; see "
                                            + layout.nodeDir(id).resolve("process.log"));
                        }
                    }
                });
    }

    private static boolean await(Process process) {
        try {
            return process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
