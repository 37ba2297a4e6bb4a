package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalKafkaConfigTest {

    private static final Path DIR = Path.of("target", "kafka");

    @Test
    void builderDefaultsToTheUsualKafkaPortOnLoopbackAndAFreeControllerPort() {
        LocalKafkaConfig config = LocalKafkaConfig.builder(DIR).build();

        assertThat(config.dataDir()).isEqualTo(DIR);
        assertThat(config.port()).isEqualTo(9092);
        assertThat(config.controllerPort()).isZero();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.overrides()).isEmpty();
        assertThat(config.startTimeout()).isEqualTo(LocalKafkaConfig.DEFAULT_START_TIMEOUT);
    }

    @Test
    void toBuilderRoundTrips() {
        LocalKafkaConfig config =
                LocalKafkaConfig.builder(DIR)
                        .port(0)
                        .controllerPort(19093)
                        .host("localhost")
                        .override("log.retention.hours", "1")
                        .startTimeout(Duration.ofSeconds(5))
                        .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().port(9999).build().port()).isEqualTo(9999);
    }

    @Test
    void overridesAreCopied() {
        Map<String, String> overrides = new HashMap<>(Map.of("log.retention.hours", "1"));
        LocalKafkaConfig config = new LocalKafkaConfig(DIR, 0, 0, "127.0.0.1", overrides);

        overrides.put("num.partitions", "3");

        assertThat(config.overrides()).containsOnlyKeys("log.retention.hours");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "listeners",
                "advertised.listeners",
                "node.id",
                "process.roles",
                "log.dirs",
                "controller.quorum.voters",
                "server.max.startup.time.ms"
            })
    void rejectsOverridesOfManagedProperties(String key) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.builder(DIR).override(key, "x").build())
                .withMessageContaining(key);
    }

    @Test
    void rejectsInvalidPortsAndHosts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.builder(DIR).port(-1).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.builder(DIR).port(65_536).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.builder(DIR).controllerPort(70_000).build());
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                LocalKafkaConfig.builder(DIR)
                                        .port(9092)
                                        .controllerPort(9092)
                                        .build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.builder(DIR).host(" ").build());
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> LocalKafkaConfig.builder(DIR).startTimeout(Duration.ZERO).build());
    }

    @Test
    void bothPortsMayBeFree() {
        assertThat(LocalKafkaConfig.builder(DIR).port(0).controllerPort(0).build().port()).isZero();
    }
}
