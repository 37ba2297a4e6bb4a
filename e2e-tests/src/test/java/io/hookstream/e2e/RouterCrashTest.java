package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's exactly-once processing across a crash: while requests keep arriving, the router
 * process is killed with SIGKILL (no commit, no abort, no goodbye to its group) and a new router
 * starts on the same state directory and application id. Every accepted request's bundles are then
 * on the trigger topics exactly once, as a read_committed consumer sees them: what the dead router
 * had written in its open transaction is aborted, and the new one processes those events again from
 * the last committed offsets.
 */
@Timeout(240)
class RouterCrashTest {

    private static final Logger log = LoggerFactory.getLogger(RouterCrashTest.class);
    private static final int REQUESTS = 300;
    private static final int PER_SECOND = 30;

    @Test
    void everyAcceptedRequestIsDeliveredExactlyOnceAcrossARouterKilledMidLoad() throws Exception {
        Path data = Services.tempDir("router-crash-kafka-");
        String applicationId = "router-crash-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalKafka kafka =
                        new LocalKafka(LocalKafkaConfig.builder(data).port(0).build()).start();
                Services services =
                        new Services(
                                kafka.bootstrapServers(),
                                Services.tempDir("router-crash-state-"),
                                applicationId,
                                Map.of())) {
            services.startRouterProcess(
                    Services.tempDir("router-crash-log-").resolve("router.log"));
            LoadScenario scenario = LoadScenario.create(services, 6, 2);
            scenario.warmUp(Duration.ofSeconds(90));

            // Given a steady load of 30 requests a second, each becoming two bundles
            FixedRateLoad load =
                    new FixedRateLoad(scenario.targets(), REQUESTS, PER_SECOND, scenario::body);
            CompletableFuture<List<FixedRateLoad.Outcome>> outcomes =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return load.run();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(e);
                                }
                            });

            // When the router is killed a third of the way through and a new one takes over
            while (load.sent() < REQUESTS / 3 && !outcomes.isDone()) {
                Thread.sleep(10);
            }
            services.killRouterProcess();
            evictDeadMember(kafka.bootstrapServers(), applicationId);
            services.startRouter();
            List<FixedRateLoad.Outcome> answered = outcomes.get(120, TimeUnit.SECONDS);

            // Then every accepted request's bundles are there, and none twice
            assertThat(answered)
                    .as("the ingress and broker were never down")
                    .allMatch(FixedRateLoad.Outcome::accepted);
            Set<String> expected = scenario.expectedBundles(answered);
            BundleLedger ledger =
                    BundleLedger.read(
                            kafka.bootstrapServers(),
                            scenario.triggerTopics(),
                            expected,
                            Duration.ofSeconds(120));
            log.info(
                    "event=router_crash_result requests={} expected_bundles={} bundles={} duplicates={} missing={}",
                    answered.size(),
                    expected.size(),
                    ledger.bundles(),
                    ledger.duplicates(),
                    ledger.missing().size());
            assertThat(ledger.duplicated()).as("bundles delivered more than once").isEmpty();
            assertThat(ledger.missing())
                    .as("bundles of accepted requests never delivered")
                    .isEmpty();
            assertThat(ledger.unexpected()).as("bundles nobody sent").isEmpty();
            assertThat(ledger.bundles())
                    .isEqualTo(expected.size())
                    .isGreaterThanOrEqualTo(2 * REQUESTS);
        }
    }

    @Test
    void whenOneOfTwoRoutersIsKilledMidLoadTheOtherTakesOverItsPartitionsExactlyOnce()
            throws Exception {
        Path data = Services.tempDir("two-routers-kafka-");
        String applicationId = "two-routers-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalKafka kafka =
                        new LocalKafka(LocalKafkaConfig.builder(data).port(0).build()).start();
                Services services =
                        new Services(
                                kafka.bootstrapServers(),
                                Services.tempDir("two-routers-state-"),
                                applicationId,
                                Map.of())) {
            // Given two routers of one application, each with its own state, sharing the
            // partitions
            services.startRouter();
            services.startRouterProcess(
                    Services.tempDir("two-routers-log-").resolve("router.log"),
                    Services.tempDir("two-routers-state-2-"));
            LoadScenario scenario = LoadScenario.create(services, 6, 2);
            scenario.warmUp(Duration.ofSeconds(90));
            FixedRateLoad load =
                    new FixedRateLoad(scenario.targets(), REQUESTS, PER_SECOND, scenario::body);
            CompletableFuture<List<FixedRateLoad.Outcome>> outcomes =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return load.run();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(e);
                                }
                            });

            // When one is killed a third of the way through and nothing replaces it
            while (load.sent() < REQUESTS / 3 && !outcomes.isDone()) {
                Thread.sleep(10);
            }
            services.killRouterProcess();
            evictDeadMember(kafka.bootstrapServers(), applicationId);
            List<FixedRateLoad.Outcome> answered = outcomes.get(120, TimeUnit.SECONDS);

            // Then the survivor delivers every accepted request's bundles, none twice
            assertThat(answered).allMatch(FixedRateLoad.Outcome::accepted);
            Set<String> expected = scenario.expectedBundles(answered);
            BundleLedger ledger =
                    BundleLedger.read(
                            kafka.bootstrapServers(),
                            scenario.triggerTopics(),
                            expected,
                            Duration.ofSeconds(120));
            log.info(
                    "event=two_routers_result requests={} expected_bundles={} bundles={} duplicates={} missing={}",
                    answered.size(),
                    expected.size(),
                    ledger.bundles(),
                    ledger.duplicates(),
                    ledger.missing().size());
            assertThat(ledger.duplicated()).as("bundles delivered more than once").isEmpty();
            assertThat(ledger.missing())
                    .as("bundles of accepted requests never delivered")
                    .isEmpty();
            assertThat(ledger.unexpected()).as("bundles nobody sent").isEmpty();
            assertThat(ledger.bundles()).isGreaterThanOrEqualTo(2 * REQUESTS);
        }
    }

    /**
     * A member that dies without leaving keeps its tasks until its session times out (45 s), and
     * the new router (or the surviving one) would wait that long; a live member removed with it
     * simply joins again. Removing it, as {@code kafka-streams-application-reset --force} does,
     * only shortens the wait: it does not touch the dead router's open transaction, whose fate is
     * what this test checks.
     */
    private static void evictDeadMember(String bootstrapServers, String applicationId)
            throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.removeMembersFromConsumerGroup(
                            applicationId, new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
