package io.hookstream.router.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.hookstream.router.RouterSettings;
import io.hookstream.support.kafka.KafkaSettings;

class RouterStreamsTest {

    private static Properties configOf(String compression) {
        return RouterStreams.config(new KafkaSettings(null, null, null, null, null),
            new RouterSettings(null, null, null, null, null, null, compression));
    }

    @Test
    void unsetKeysGiveExactlyOnceTenMillisecondCommitsAndLz4Batches() {
        Properties config = configOf(null);
        assertThat(config.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(config.get("commit.interval.ms")).isEqualTo(10L);
        assertThat(config.get("producer.compression.type")).isEqualTo("lz4");
    }

    @Test
    void theProducersCompressionIsTheConfiguredOne() {
        assertThat(configOf("zstd").get("producer.compression.type")).isEqualTo("zstd");
    }
}
