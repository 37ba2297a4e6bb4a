package io.hookstream.localkafka;

import java.util.Objects;

/**
 * This node's place in a cluster of {@link LocalKafka} nodes, each a combined broker and controller
 * in its own process.
 *
 * @param nodeId this node's id, 1 to {@code clusterSize}
 * @param clusterSize how many nodes vote in the KRaft quorum and hold replicas
 * @param quorumVoters Kafka's {@code controller.quorum.voters}: {@code id@host:port} of every node,
 *     fixed so that every node finds the others on every start
 * @param clusterId the id every node's storage is formatted with; nodes formatted with different
 *     ids refuse to form one cluster
 */
public record ClusterMembership(
        int nodeId, int clusterSize, String quorumVoters, String clusterId) {

    public ClusterMembership {
        Objects.requireNonNull(quorumVoters, "quorumVoters");
        Objects.requireNonNull(clusterId, "clusterId");
        if (clusterSize < 1) {
            throw new IllegalArgumentException("clusterSize must be positive: " + clusterSize);
        }
        if (nodeId < 1 || nodeId > clusterSize) {
            throw new IllegalArgumentException(
                    "nodeId must be between 1 and " + clusterSize + ": " + nodeId);
        }
        if (quorumVoters.isBlank() || clusterId.isBlank()) {
            throw new IllegalArgumentException("quorumVoters and clusterId must not be blank");
        }
    }

    /**
     * Replicas of Kafka's internal topics (consumer offsets, transaction state): three where the
     * cluster has them, so that losing one node loses nothing.
     */
    int internalReplicationFactor() {
        return Math.min(3, clusterSize);
    }

    /**
     * The minimum in-sync replicas that goes with {@link #internalReplicationFactor()}: two of
     * three, so that an acknowledged write is on two nodes and one node may be down.
     */
    int minInsyncReplicas() {
        return internalReplicationFactor() >= 3 ? 2 : 1;
    }
}
