package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's exactly-once processing across a crash: while requests keep arriving, a router
 * process is killed with SIGKILL (no commit, no abort, no goodbye to its group), and either a new
 * router starts on the same state directory and application id or a second router that was already
 * running carries on alone. Every accepted request's bundles are then on the trigger topics exactly
 * once, as a read_committed consumer sees them: what the dead router had written in its open
 * transaction is aborted, and the events are processed again from the last committed offsets. The
 * large run is {@code benchmarks/reliability/router-kill.sh}.
 */
@Timeout(240)
class RouterCrashTest {

    private static final Logger log = LoggerFactory.getLogger(RouterCrashTest.class);

    /**
     * 300 requests at 30/s over six hooks, two bundles each; the router is killed a third of the
     * way through.
     */
    private static final FaultRun.Load LOAD =
            new FaultRun.Load(6, 2, 300, 30, 100, Duration.ZERO, Duration.ofSeconds(120), 1);

    @Test
    void everyAcceptedRequestIsDeliveredExactlyOnceAcrossARouterKilledMidLoad() throws Exception {
        try (LocalKafka kafka = broker("router-crash-kafka-");
                Services services = services(kafka, "router-crash")) {
            // Given a router in a process of its own
            services.startRouterProcess(
                    Services.tempDir("router-crash-log-").resolve("router.log"));

            // When it is killed mid-load and a new one takes over on its state
            FaultRun.Report report =
                    FaultRun.run(services, RouterKill.replacedOnItsState(services), LOAD);

            // Then every accepted request's bundles are there, and none twice
            log.info("event=router_crash_result {}", report.summary());
            assertDeliveredExactlyOnce(report);
        }
    }

    @Test
    void whenOneOfTwoRoutersIsKilledMidLoadTheOtherTakesOverItsPartitionsExactlyOnce()
            throws Exception {
        try (LocalKafka kafka = broker("two-routers-kafka-");
                Services services = services(kafka, "two-routers")) {
            // Given two routers of one application, each with its own state, sharing the
            // partitions
            services.startRouter();
            services.startRouterProcess(
                    Services.tempDir("two-routers-log-").resolve("router.log"),
                    Services.tempDir("two-routers-state-2-"));
            RouterKill.awaitGroupOf(services, 2, Duration.ofSeconds(90));

            // When one is killed mid-load and nothing replaces it, nor removes it from the group
            FaultRun.Report report =
                    FaultRun.run(services, RouterKill.leavingTheOther(services), LOAD);

            // Then the survivor, once the dead one's session expires, delivers every accepted
            // request's bundles, none twice
            log.info("event=two_routers_result {}", report.summary());
            assertThat(report.fault()).contains("router_group_members_before_kill=2");
            assertDeliveredExactlyOnce(report);
        }
    }

    private static void assertDeliveredExactlyOnce(FaultRun.Report report) {
        assertThat(report.statuses())
                .as("the ingress and broker were never down: " + report.summary())
                .containsOnlyKeys(200);
        assertThat(report.duplicates()).as(report.summary()).isZero();
        assertThat(report.missing()).as(report.summary()).isZero();
        assertThat(report.storedAfterRefusal()).as("bundles nobody sent").isZero();
        assertThat(report.bundles())
                .isEqualTo(report.expectedBundles())
                .isGreaterThanOrEqualTo(2 * LOAD.requests());
    }

    private static LocalKafka broker(String prefix) throws Exception {
        return new LocalKafka(LocalKafkaConfig.builder(Services.tempDir(prefix)).port(0).build())
                .start();
    }

    private static Services services(LocalKafka kafka, String name) throws Exception {
        return new Services(
                kafka.bootstrapServers(),
                Services.tempDir(name + "-state-"),
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of());
    }
}
