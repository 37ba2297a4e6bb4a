package io.hookstream.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.Uuid;

/**
 * Where the nodes of a local cluster live: node {@code i} (1-based) listens for clients on {@code
 * basePort + i - 1} and for its controller on {@code basePort + nodes + i - 1}, keeps its storage
 * in {@code dataDir/node-i}, and all share the cluster id in {@code dataDir/cluster.id}. Fixed,
 * consecutive ports because every node names every other in its quorum configuration.
 */
public record ClusterLayout(int nodes, int basePort, String host, Path dataDir) {

    static final String CLUSTER_ID_FILE = "cluster.id";

    public ClusterLayout {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be positive: " + nodes);
        }
        if (basePort < 1 || basePort + 2 * nodes - 1 > 65_535) {
            throw new IllegalArgumentException(
                    "ports "
                            + basePort
                            + " to "
                            + (basePort + 2 * nodes - 1)
                            + " must be between 1 and 65535");
        }
    }

    /**
     * A layout on {@code 2 * nodes} consecutive ports that were free a moment ago, for tests and
     * tools that run several clusters on one machine.
     */
    public static ClusterLayout onFreePorts(int nodes, String host, Path dataDir) {
        java.util.random.RandomGenerator random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 100; attempt++) {
            // below Linux's default ephemeral range (32768-60999), where clients' ports come from
            int base = 20_000 + random.nextInt(12_000);
            if (allFree(host, base, 2 * nodes)) {
                return new ClusterLayout(nodes, base, host, dataDir);
            }
        }
        throw new LocalKafkaException("no " + 2 * nodes + " consecutive free ports on " + host);
    }

    private static boolean allFree(String host, int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (java.net.ServerSocket probe =
                    new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName(host))) {
                // free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    public int clientPort(int nodeId) {
        requireNode(nodeId);
        return basePort + nodeId - 1;
    }

    public int controllerPort(int nodeId) {
        requireNode(nodeId);
        return basePort + nodes + nodeId - 1;
    }

    public Path nodeDir(int nodeId) {
        requireNode(nodeId);
        return dataDir.resolve("node-" + nodeId);
    }

    /** {@code bootstrap.servers} naming every node. */
    public String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            servers.add(BrokerSettings.hostPort(host, clientPort(id)));
        }
        return String.join(",", servers);
    }

    String quorumVoters() {
        List<String> voters = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            voters.add(id + "@" + BrokerSettings.hostPort(host, controllerPort(id)));
        }
        return String.join(",", voters);
    }

    /**
     * The configuration of one node: its ports, folder and membership, with the overrides and start
     * timeout of {@code base}; its cluster id read from (or, on the first start of any node,
     * written to) {@code dataDir/cluster.id}.
     */
    public LocalKafkaConfig node(int nodeId, LocalKafkaConfig base) {
        ClusterMembership membership =
                new ClusterMembership(nodeId, nodes, quorumVoters(), clusterId());
        return LocalKafkaConfig.builder(nodeDir(nodeId))
                .overrides(base.overrides())
                .startTimeout(base.startTimeout())
                .port(clientPort(nodeId))
                .controllerPort(controllerPort(nodeId))
                .host(host)
                .membership(membership)
                .build();
    }

    /**
     * The cluster's id, created once. Nodes may start at the same moment, so the id is written to a
     * temporary file and moved into place atomically; whoever loses the race reads the winner's.
     */
    String clusterId() {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                Path candidate = Files.createTempFile(dataDir, CLUSTER_ID_FILE, ".tmp");
                Files.writeString(candidate, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, candidate);
                } catch (FileAlreadyExistsException e) {
                    // another node was first
                } finally {
                    Files.deleteIfExists(candidate);
                }
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (id.isEmpty()) {
                throw new LocalKafkaException("empty cluster id in " + file);
            }
            return id;
        } catch (IOException e) {
            throw new LocalKafkaException("cannot read or write the cluster id in " + file, e);
        }
    }

    private void requireNode(int nodeId) {
        if (nodeId < 1 || nodeId > nodes) {
            throw new IllegalArgumentException(
                    "node id must be between 1 and " + nodes + ": " + nodeId);
        }
    }
}
