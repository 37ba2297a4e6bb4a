package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes form one cluster; killing the leader of a partition with SIGKILL loses no
 * acknowledged record, the cluster goes on with two, and the killed node rejoins on its storage.
 */
class LocalKafkaClusterTest {

    private static final String TOPIC = "replicated";

    @TempDir Path dir;

    @Test
    void survivesTheLossOfThePartitionLeaderWithoutLosingAnAcknowledgedRecord() throws Exception {
        ClusterLayout layout = ClusterLayout.onFreePorts(3, "127.0.0.1", dir);
        try (LocalKafkaCluster cluster =
                        new LocalKafkaCluster(layout, Duration.ofSeconds(90)).start();
                Admin admin = TestClients.admin(cluster.bootstrapServers())) {
            assertThat(admin.describeCluster().nodes().get().stream().map(Node::id))
                    .containsExactlyInAnyOrder(1, 2, 3);
            assertThat(layout.dataDir().resolve("node-1").resolve("logs")).isDirectory();
            admin.createTopics(
                            List.of(
                                    new NewTopic(TOPIC, 1, (short) 3)
                                            .configs(
                                                    Map.of(
                                                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                                            "2"))))
                    .all()
                    .get();
            int leader = describe(admin).partitions().get(0).leader().id();

            Set<String> acknowledged = new HashSet<>();
            try (KafkaProducer<String, String> producer =
                    TestClients.producer(cluster.bootstrapServers())) {
                sendAndAwait(producer, "before-", 100, acknowledged);
                cluster.kill(leader);
                assertThat(cluster.isRunning(leader)).isFalse();
                // acks=all with two of three in sync: the survivors take every write
                sendAndAwait(producer, "during-", 100, acknowledged);
                int newLeader = describe(admin).partitions().get(0).leader().id();
                assertThat(newLeader).isNotEqualTo(leader);

                cluster.restart(leader);
                sendAndAwait(producer, "after-", 100, acknowledged);
            }
            assertThat(acknowledged).hasSize(300);
            // read as key=value
            List<String> read =
                    TestClients.readCommitted(cluster.bootstrapServers(), TOPIC).stream()
                            .map(record -> record.substring(record.indexOf('=') + 1))
                            .toList();
            assertThat(read).doesNotHaveDuplicates();
            assertThat(new HashSet<>(read)).isEqualTo(acknowledged);
            assertThat(awaitInSync(admin, 3)).isEqualTo(3);
        }
    }

    private static void sendAndAwait(
            KafkaProducer<String, String> producer, String prefix, int n, Set<String> acked)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = prefix + i;
            values.add(value);
            sent.add(producer.send(new ProducerRecord<>(TOPIC, "k" + i, value)));
        }
        for (int i = 0; i < n; i++) {
            sent.get(i).get(60, TimeUnit.SECONDS);
            acked.add(values.get(i));
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
    }

    /** The in-sync replica count once the restarted node has caught up (bounded wait). */
    private static int awaitInSync(Admin admin, int expected) throws Exception {
        int isr = 0;
        for (int attempt = 0; attempt < 300 && isr < expected; attempt++) {
            isr = describe(admin).partitions().get(0).isr().size();
            if (isr < expected) {
                Thread.sleep(100);
            }
        }
        return isr;
    }
}
