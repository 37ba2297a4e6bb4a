package io.hookstream.e2e;

import io.hookstream.localkafka.LocalKafkaCluster;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Kills with SIGKILL whichever broker of a cluster leads partition 0 of the raw topic (and with it
 * every other raw partition it leads), times how long the cluster takes to name another leader, and
 * starts the node again on its storage when healed.
 */
final class RawLeaderKill implements FaultRun.Fault {

    private static final Duration ELECTION_WAIT = Duration.ofSeconds(60);

    private final LocalKafkaCluster cluster;
    private final String raw = HookstreamTopics.defaults().eventsRaw().name();
    private int killed = -1;
    private int ledPartitions;
    private long electionMs = -1;

    RawLeaderKill(LocalKafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void inject() throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartitionInfo> partitions = partitions(admin);
            TopicPartitionInfo first = partitions.get(0);
            if (first.replicas().size() != 3) {
                throw new IllegalStateException(
                        "the raw topic should have three replicas: " + first);
            }
            killed = first.leader().id();
            ledPartitions =
                    (int)
                            partitions.stream()
                                    .filter(p -> p.leader() != null && p.leader().id() == killed)
                                    .count();
            long start = System.nanoTime();
            cluster.kill(killed);
            // the election ends when partition 0 has a leader again, on another node
            long deadline = start + ELECTION_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Node leader = partitions(admin).get(0).leader();
                if (leader != null && leader.id() != killed && !leader.isEmpty()) {
                    electionMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void heal() {
        cluster.restart(killed);
    }

    @Override
    public String describe() {
        return "killed_node="
                + killed
                + " raw_partitions_it_led="
                + ledPartitions
                + " election_ms="
                + electionMs;
    }

    private Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        10_000,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5_000));
    }

    private List<TopicPartitionInfo> partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(raw))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(raw)
                .partitions();
    }
}
