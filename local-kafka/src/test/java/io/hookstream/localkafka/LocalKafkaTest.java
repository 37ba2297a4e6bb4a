package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Hookstream's services need from the broker, against one real broker shared by the tests of
 * this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class LocalKafkaTest {

    private LocalKafka kafka;
    private String bootstrap;

    @BeforeAll
    void startBroker(@TempDir Path dataDir) {
        kafka = new LocalKafka(LocalKafkaConfig.builder(dataDir).port(0).build()).start();
        bootstrap = kafka.bootstrapServers();
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void listensOnTheChosenFreePortOfTheConfiguredHost() {
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.port()).isPositive().isNotEqualTo(kafka.controllerPort());
        assertThat(bootstrap).isEqualTo("127.0.0.1:" + kafka.port());
    }

    @Test
    void idempotentProducerWithAcksAllIsReadBackByReadCommittedConsumer() {
        TestClients.createTopic(bootstrap, "plain", 3);
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            records.put("key-" + i, "value-" + i);
        }

        TestClients.send(bootstrap, "plain", records);

        assertThat(TestClients.readCommitted(bootstrap, "plain"))
                .containsExactlyInAnyOrderElementsOf(
                        records.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    @Test
    void committedTransactionsAreVisibleToReadCommittedAndAbortedOnesAreNot() {
        TestClients.createTopic(bootstrap, "transactional", 1);

        try (KafkaProducer<String, String> producer =
                TestClients.transactionalProducer(bootstrap, "tx-test")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "a", "1"));
            producer.send(new ProducerRecord<>("transactional", "a", "2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "x", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "b", "3"));
            producer.commitTransaction();
        }

        assertThat(TestClients.readCommitted(bootstrap, "transactional"))
                .containsExactly("a=1", "a=2", "b=3");
        // the aborted record did reach the log; read_committed is what hides it
        assertThat(TestClients.readUncommitted(bootstrap, "transactional"))
                .containsExactly("a=1", "a=2", "x=aborted", "b=3");
    }

    @Test
    void doesNotCreateTopicsOnFirstUse() {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        true);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor("never-created", Duration.ofSeconds(30))).isEmpty();
        }

        assertThat(TestClients.topics(bootstrap)).doesNotContain("never-created");
    }

    @Test
    void runsExactlyOnceKafkaStreams(@TempDir Path stateDir) {
        TestClients.createTopic(bootstrap, "streams-in", 2);
        TestClients.createTopic(bootstrap, "streams-out", 2);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        "streams-in",
                        Consumed.with(Serdes.String(), Serdes.String()).withName("read-input"))
                .mapValues(value -> value.toUpperCase(), Named.as("upper-case"))
                .to(
                        "streams-out",
                        Produced.with(Serdes.String(), Serdes.String()).withName("write-output"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "local-kafka-eos-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (KafkaStreams streams = new KafkaStreams(builder.build(config), config)) {
            streams.start();
            TestClients.send(
                    bootstrap, "streams-in", Map.of("k1", "one", "k2", "two", "k3", "three"));

            List<String> output = awaitRecords("streams-out", 3);

            assertThat(output).containsExactlyInAnyOrder("k1=ONE", "k2=TWO", "k3=THREE");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /**
     * Reads the committed records of {@code topic} until there are {@code count}, as the output
     * appears asynchronously.
     */
    private List<String> awaitRecords(String topic, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> records = TestClients.readCommitted(bootstrap, topic);
        while (records.size() < count && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            records = TestClients.readCommitted(bootstrap, topic);
        }
        return records;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
