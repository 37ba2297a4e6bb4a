package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.ClusterLayout;
import io.hookstream.localkafka.LocalKafkaCluster;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a cluster of three brokers, each its own process, the broker leading the raw topic's first
 * partition is killed with SIGKILL under a steady load and started again on its storage a few
 * seconds later. Hookstream's topics have three replicas with two in sync there, so the two others
 * take every write: no acknowledged request is lost and none delivered twice.
 */
@Timeout(300)
class ClusterLeaderKillTest {

    private static final Logger log = LoggerFactory.getLogger(ClusterLeaderKillTest.class);

    @Test
    void killingTheRawTopicsLeaderLosesNoAcceptedRequestAndDeliversNoneTwice() throws Exception {
        ClusterLayout layout =
                ClusterLayout.onFreePorts(3, "127.0.0.1", Services.tempDir("cluster-kill-kafka-"));
        try (LocalKafkaCluster cluster =
                        new LocalKafkaCluster(layout, Duration.ofSeconds(120)).start();
                Services services =
                        new Services(
                                cluster.bootstrapServers(),
                                Services.tempDir("cluster-kill-state-"),
                                "cluster-kill-" + UUID.randomUUID().toString().substring(0, 8),
                                Map.of(
                                        "hookstream.ingress.publish-timeout",
                                        "2s",
                                        "hookstream.ingress.retry-after",
                                        "1s"))) {
            services.startRouter();
            FaultRun.Report report =
                    FaultRun.run(
                            services,
                            new RawLeaderKill(cluster),
                            new FaultRun.Load(
                                    4,
                                    1,
                                    200,
                                    20,
                                    50,
                                    Duration.ofSeconds(5),
                                    Duration.ofSeconds(120),
                                    1));

            log.info("event=cluster_leader_kill_result {}", report.summary());
            assertThat(report.requests()).isEqualTo(200);
            assertThat(report.duplicates()).as(report.summary()).isZero();
            assertThat(report.missing()).as(report.summary()).isZero();
            assertThat(report.accepted()).as(report.summary()).isPositive();
            assertThat(report.statuses().keySet()).as(report.summary()).isSubsetOf(200, 503);
            assertThat(report.unavailableRetryAfter())
                    .as("every 503 says when to retry")
                    .isEqualTo(report.unavailable());
        }
    }
}
