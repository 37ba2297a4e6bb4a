package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A router that keeps its tables on the heap ({@code hookstream.router.state-stores: in-memory})
 * has nothing on disk when it stops, so the router that replaces it must read hooks, apps and
 * connections again from their compacted topics before it routes: events sent after the restart
 * reach their hooks' users instead of becoming dead letters.
 */
@Timeout(180)
class InMemoryStoresRestartTest {

    private static final int REQUESTS = 40;

    @Test
    void aRouterWithItsTablesOnTheHeapRoutesAfterARestartFromWhatItReadsBackFromTheTopics()
            throws Exception {
        Path data = Services.tempDir("in-memory-stores-kafka-");
        Path state = Services.tempDir("in-memory-stores-state-");
        String applicationId = "in-memory-stores-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalKafka kafka =
                        new LocalKafka(LocalKafkaConfig.builder(data).port(0).build()).start();
                Services services =
                        new Services(
                                kafka.bootstrapServers(),
                                state,
                                applicationId,
                                Map.of("hookstream.router.state-stores", "in-memory"))) {
            // Given a router that has routed to every hook of a scenario
            services.startRouterProcess(
                    Services.tempDir("in-memory-stores-log-").resolve("router.log"));
            LoadScenario scenario = LoadScenario.create(services, 3, 2);
            scenario.warmUp(Duration.ofSeconds(90));

            // When it stops and another starts in its place, with no table kept on disk between
            // them
            services.stopRouterProcess();
            assertThat(rocksDbDirectories(state))
                    .as("RocksDB directories under the router's state directory")
                    .isEmpty();
            services.startRouter();

            // Then every request sent afterwards becomes its bundles, once each
            List<FixedRateLoad.Outcome> answered =
                    new FixedRateLoad(scenario.targets(), REQUESTS, 20, scenario::body).run();
            assertThat(answered).allMatch(FixedRateLoad.Outcome::accepted);
            Set<String> expected = scenario.expected(answered);
            BundleLedger ledger =
                    BundleLedger.read(
                            kafka.bootstrapServers(),
                            scenario.triggerTopics(),
                            expected,
                            Duration.ofSeconds(60));
            assertThat(ledger.missing())
                    .as("bundles of requests sent after the restart never delivered")
                    .isEmpty();
            assertThat(ledger.duplicated()).as("bundles delivered more than once").isEmpty();
            assertThat(ledger.unexpected()).as("bundles nobody sent").isEmpty();
            assertThat(ledger.bundles())
                    .isEqualTo(expected.size())
                    .isGreaterThanOrEqualTo(2 * REQUESTS);
        }
    }

    private static List<Path> rocksDbDirectories(Path state) throws Exception {
        try (Stream<Path> paths = Files.walk(state)) {
            return paths.filter(p -> p.getFileName().toString().equals("rocksdb")).toList();
        }
    }
}
