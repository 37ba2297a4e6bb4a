package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and restarting real brokers on their own storage. */
@Timeout(120)
class LocalKafkaLifecycleTest {

    @Test
    void restartOnTheSameDataDirectoryKeepsRecordsTopicsAndClusterId(@TempDir Path dataDir) {
        LocalKafkaConfig config = LocalKafkaConfig.builder(dataDir).port(0).build();
        String clusterId;
        try (LocalKafka kafka = new LocalKafka(config).start()) {
            clusterId = kafka.clusterId();
            TestClients.createTopic(kafka.bootstrapServers(), "durable", 2);
            TestClients.send(
                    kafka.bootstrapServers(), "durable", Map.of("a", "1", "b", "2", "c", "3"));
        }

        try (LocalKafka restarted = new LocalKafka(config).start()) {
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(TestClients.topics(restarted.bootstrapServers())).contains("durable");
            assertThat(TestClients.readCommitted(restarted.bootstrapServers(), "durable"))
                    .containsExactlyInAnyOrder("a=1", "b=2", "c=3");
        }
    }

    @Test
    void twoBrokersOnTheirOwnDirectoriesAndPortsDoNotShareAnything(
            @TempDir Path first, @TempDir Path second) {
        try (LocalKafka a =
                        new LocalKafka(LocalKafkaConfig.builder(first).port(0).build()).start();
                LocalKafka b =
                        new LocalKafka(
                                        LocalKafkaConfig.builder(second)
                                                .port(0)
                                                .override("auto.create.topics.enable", "true")
                                                .build())
                                .start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.clusterId()).isNotEqualTo(b.clusterId());

            TestClients.createTopic(a.bootstrapServers(), "shared-name", 1);
            TestClients.send(a.bootstrapServers(), "shared-name", Map.of("on", "a"));
            // b allows automatic creation through its override, so the first send creates the topic
            // there
            TestClients.send(b.bootstrapServers(), "shared-name", Map.of("on", "b"));

            assertThat(TestClients.readCommitted(a.bootstrapServers(), "shared-name"))
                    .containsExactly("on=a");
            assertThat(TestClients.readCommitted(b.bootstrapServers(), "shared-name"))
                    .containsExactly("on=b");
        }
    }

    @Test
    void aClientPortInUseFailsTheStartAndTheStorageStaysUsable(@TempDir Path dataDir)
            throws IOException {
        try (ServerSocket occupied =
                new ServerSocket(0, 1, InetAddress.getByName(LocalKafkaConfig.DEFAULT_HOST))) {
            LocalKafka blocked =
                    new LocalKafka(
                            LocalKafkaConfig.builder(dataDir)
                                    .port(occupied.getLocalPort())
                                    .build());

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(LocalKafkaException.class)
                    .hasMessageContaining("127.0.0.1:" + occupied.getLocalPort());
            assertThat(blocked.isRunning()).isFalse();
        }

        // the controller had started before the client port failed; had it been left running, it
        // would still
        // hold the storage lock and this start would fail
        try (LocalKafka kafka =
                new LocalKafka(LocalKafkaConfig.builder(dataDir).port(0).build()).start()) {
            TestClients.createTopic(kafka.bootstrapServers(), "after-failure", 1);
            assertThat(TestClients.topics(kafka.bootstrapServers())).contains("after-failure");
        }
    }

    @Test
    void aControllerPortInUseFailsTheStartBeforeKafkaRuns(@TempDir Path dataDir)
            throws IOException {
        try (ServerSocket occupied =
                new ServerSocket(0, 1, InetAddress.getByName(LocalKafkaConfig.DEFAULT_HOST))) {
            LocalKafka blocked =
                    new LocalKafka(
                            LocalKafkaConfig.builder(dataDir)
                                    .port(0)
                                    .controllerPort(occupied.getLocalPort())
                                    .build());

            // reaching Kafka would halt this JVM, so the test run itself proves the early check
            assertThatThrownBy(blocked::start)
                    .isInstanceOf(LocalKafkaException.class)
                    .hasMessageContaining(
                            occupied.getLocalPort() + " on 127.0.0.1 is already in use");
            assertThat(blocked.isRunning()).isFalse();
        }
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void anOverrideKafkaRejectsFailsTheStart(@TempDir Path dataDir) {
        LocalKafka misconfigured =
                new LocalKafka(
                        LocalKafkaConfig.builder(dataDir)
                                .port(0)
                                .override("num.partitions", "many")
                                .build());

        assertThatThrownBy(misconfigured::start)
                .isInstanceOf(LocalKafkaException.class)
                .hasMessageContaining("num.partitions");
        assertThat(misconfigured.isRunning()).isFalse();
    }

    @Test
    void anInstanceRunsOnlyOnce(@TempDir Path dataDir) {
        LocalKafka kafka = new LocalKafka(LocalKafkaConfig.builder(dataDir).port(0).build());
        assertThatThrownBy(kafka::bootstrapServers).isInstanceOf(IllegalStateException.class);

        kafka.start();
        assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class);
        kafka.close();

        assertThat(kafka.isRunning()).isFalse();
        assertThatThrownBy(kafka::bootstrapServers).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class);
        kafka.close();
    }
}
