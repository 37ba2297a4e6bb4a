package io.hookstream.localkafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.jspecify.annotations.Nullable;

/**
 * Waits until the cluster lists a set of nodes, which a broker does only once it serves clients.
 * One broker in this JVM and the nodes of a cluster in their own processes are ready by the same
 * test; only what may end a wait early (a node process that exited) differs.
 */
final class NodeReadiness {

    /** Checked before each attempt; throws when waiting longer cannot help. */
    @FunctionalInterface
    interface StillStarting {
        void check();
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int MAX_ATTEMPT_MILLIS = 5_000;

    private NodeReadiness() {}

    /**
     * @param bootstrap where to ask
     * @param nodeIds the nodes that must be listed
     * @param deadline a {@link System#nanoTime()} after which the wait fails
     * @return the cluster id the brokers answered
     */
    static String await(
            String bootstrap,
            Set<Integer> nodeIds,
            long deadline,
            String clientId,
            StillStarting stillStarting) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                AdminClientConfig.CLIENT_ID_CONFIG,
                                clientId))) {
            @Nullable Set<Integer> listed = null;
            @Nullable Exception last = null;
            while (true) {
                stillStarting.check();
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new LocalKafkaException(
                            "Kafka at "
                                    + bootstrap
                                    + " listed nodes "
                                    + listed
                                    + " and not all of "
                                    + nodeIds
                                    + " in time"
                                    + (last == null ? "" : ": " + last.getMessage()),
                            last);
                }
                DescribeClusterResult cluster =
                        admin.describeCluster(
                                new DescribeClusterOptions()
                                        .timeoutMs(
                                                (int)
                                                        Math.min(
                                                                remainingMillis,
                                                                MAX_ATTEMPT_MILLIS)));
                try {
                    listed =
                            cluster.nodes().get(remainingMillis, TimeUnit.MILLISECONDS).stream()
                                    .map(Node::id)
                                    .collect(Collectors.toSet());
                    if (listed.containsAll(nodeIds)) {
                        return cluster.clusterId().get(remainingMillis, TimeUnit.MILLISECONDS);
                    }
                    last = null;
                } catch (ExecutionException | TimeoutException e) {
                    // not answering yet
                    last = e;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("interrupted while waiting for Kafka at " + bootstrap, e);
        }
    }
}
