package io.hookstream.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.router.RouterSettings;
import io.hookstream.router.RouterSettings.StateStores;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.topology.RouterTopology;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouterStreamsTest {

    @TempDir Path stateDir;

    private static Properties configOf(String compression) {
        return RouterStreams.config(
                new KafkaSettings(null, null, null, null, null, null, null, null),
                new RouterSettings(null, null, null, null, null, null, compression, null));
    }

    @Test
    void unsetKeysGiveExactlyOnceTenMillisecondCommitsLz4BatchesAndRocksDbStores() {
        Properties config = configOf(null);
        assertThat(config.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(config.get("commit.interval.ms")).isEqualTo(10L);
        assertThat(config.get("producer.compression.type")).isEqualTo("lz4");
        assertThat(config.get("dsl.store.suppliers.class"))
                .hasToString(
                        "class org.apache.kafka.streams.state.BuiltInDslStoreSuppliers$RocksDBDslStoreSuppliers");
    }

    @Test
    void aRouterThatDiedIsGivenUpAfterTheSessionTimeoutWithThreeHeartbeatsInIt() {
        assertThat(configOf(null).get("main.consumer.session.timeout.ms")).isEqualTo(10_000);
        assertThat(configOf(null).get("main.consumer.heartbeat.interval.ms")).isEqualTo(3_000);
        Properties configured =
                RouterStreams.config(
                        new KafkaSettings(null, null, null, null, null, null, null, null),
                        new RouterSettings(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                java.time.Duration.ofSeconds(6)));
        assertThat(configured.get("main.consumer.session.timeout.ms")).isEqualTo(6_000);
        assertThat(configured.get("main.consumer.heartbeat.interval.ms")).isEqualTo(2_000);
    }

    @Test
    void internalTopicsTakeTheBrokersReplicationUnlessOneIsConfigured() {
        assertThat(configOf(null).get("replication.factor")).isEqualTo(-1);
        Properties configured =
                RouterStreams.config(
                        new KafkaSettings(null, null, (short) 3, null, null, null, null, (short) 2),
                        new RouterSettings(null, null, null, null, null, null, null, null));
        assertThat(configured.get("replication.factor")).isEqualTo(3);
        assertThat(configured.get("topic.min.insync.replicas")).isEqualTo("2");
    }

    @Test
    void theProducersCompressionIsTheConfiguredOne() {
        assertThat(configOf("zstd").get("producer.compression.type")).isEqualTo("zstd");
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void everyStoreOfTheRoutersTopologyIsOfTheConfiguredKind(StateStores kind) {
        Properties config =
                RouterStreams.config(
                        new KafkaSettings(null, null, null, null, null, null, null, null),
                        new RouterSettings(
                                "router-stores-test",
                                stateDir,
                                null,
                                null,
                                null,
                                null,
                                null,
                                kind));
        Iml iml = Iml.standard();
        HookstreamTopics topics = HookstreamTopics.defaults();
        EventRouter router =
                new EventRouter(
                        new AppCatalog(new AppDefinitionParser(iml)),
                        new WebhookProcessor(iml, Clock.systemUTC()),
                        new DataSealer("k1", Map.of("k1", new byte[32])),
                        topics.names(),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry());

        try (TopologyTestDriver driver =
                new TopologyTestDriver(RouterTopology.build(topics, router, config), config)) {
            Map<String, StateStore> stores = driver.getAllStateStores();
            // the tables every event reads, the connections, the foreign-key join's own and the
            // subscription index, and the dedupe keys
            assertThat(stores)
                    .containsKeys(
                            "hooks-store",
                            "apps-store",
                            "connections-store",
                            "bound-hooks-store",
                            "subscription-index",
                            "dedupe-store")
                    .hasSizeGreaterThan(5);
            assertThat(stores.values())
                    .allSatisfy(
                            store ->
                                    assertThat(store.persistent())
                                            .as(store.name())
                                            .isEqualTo(kind == StateStores.ROCKSDB));
        }
    }
}
