package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLayoutTest {

    @TempDir Path dir;

    @Test
    void putsClientPortsFirstThenControllerPortsAndAFolderPerNode() {
        ClusterLayout layout = new ClusterLayout(3, 19092, "127.0.0.1", dir);

        assertThat(layout.bootstrapServers())
                .isEqualTo("127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094");
        assertThat(layout.controllerPort(1)).isEqualTo(19095);
        assertThat(layout.quorumVoters())
                .isEqualTo("1@127.0.0.1:19095,2@127.0.0.1:19096,3@127.0.0.1:19097");
        assertThat(layout.nodeDir(2)).isEqualTo(dir.resolve("node-2"));
        assertThatIllegalArgumentException().isThrownBy(() -> layout.clientPort(4));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClusterLayout(3, 65_532, "127.0.0.1", dir));
    }

    @Test
    void everyNodeGetsTheSameClusterIdAndItsOwnIdentity() throws Exception {
        ClusterLayout layout = new ClusterLayout(3, 19092, "127.0.0.1", dir);
        LocalKafkaConfig base =
                LocalKafkaConfig.builder(dir).override("log.retention.hours", "1").build();

        LocalKafkaConfig one = layout.node(1, base);
        LocalKafkaConfig three = layout.node(3, base);

        assertThat(one.membership()).isNotNull();
        assertThat(three.membership()).isNotNull();
        assertThat(one.membership().clusterId()).isEqualTo(three.membership().clusterId());
        assertThat(Files.readString(dir.resolve("cluster.id")).strip())
                .isEqualTo(one.membership().clusterId());
        assertThat(three.membership().nodeId()).isEqualTo(3);
        assertThat(three.port()).isEqualTo(19094);
        assertThat(three.dataDir()).isEqualTo(dir.resolve("node-3"));
        assertThat(three.overrides()).containsEntry("log.retention.hours", "1");
    }

    @Test
    void threeNodesKeepInternalTopicsOnThreeReplicasWithTwoInSync() {
        ClusterLayout layout = new ClusterLayout(3, 19092, "127.0.0.1", dir);
        Map<String, String> props =
                BrokerSettings.properties(
                        layout.node(2, LocalKafkaConfig.builder(dir).build()), 19093, 19096);

        assertThat(props)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", layout.quorumVoters())
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void twoNodesCannotKeepTwoInSyncAfterALoss() {
        ClusterLayout layout = new ClusterLayout(2, 19092, "127.0.0.1", dir);
        Map<String, String> props =
                BrokerSettings.properties(
                        layout.node(1, LocalKafkaConfig.builder(dir).build()), 19092, 19094);

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "2")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void aClusterNodeNeedsFixedPorts() {
        ClusterMembership membership = new ClusterMembership(1, 3, "1@h:1,2@h:2,3@h:3", "id");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> LocalKafkaConfig.builder(dir).port(0).membership(membership).build());
    }
}
