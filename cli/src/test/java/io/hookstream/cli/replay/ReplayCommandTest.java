package io.hookstream.cli.replay;

import static io.hookstream.cli.replay.KafkaFixture.event;
import static io.hookstream.cli.replay.KafkaFixture.hookstream;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.operations.replay.ReplayPublisher;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code hookstream replay} run in-process against a real broker, on raw events with known record
 * times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ReplayCommandTest {

    /** Record times of the raw events: one every minute from T0, ten in all. */
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private KafkaFixture kafka;
    private String rawTopic;
    private String replayTopic;

    /**
     * What was written to the raw topic, in write order: the i-th has record time T0 + i minutes.
     */
    private final List<Written> written = new ArrayList<>();

    record Written(
            String eventId,
            String hookId,
            String appId,
            byte[] key,
            byte[] value,
            int partition,
            long offset) {}

    @BeforeAll
    void startBroker() throws IOException {
        kafka = new KafkaFixture("replay");
    }

    @AfterAll
    void stopBroker() throws IOException {
        kafka.close();
    }

    /** Fresh topics per test, so that one test's replays are not another's input. */
    @BeforeEach
    void writeRawEvents() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        rawTopic = "raw-" + suffix;
        replayTopic = "replay-" + suffix;
        kafka.createTopic(rawTopic, 3);
        kafka.createTopic(replayTopic, 3);
        written.clear();
        var serializer = AvroSerde.of(RawWebhookEvent.class).serializer();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                String hookId = i % 2 == 0 ? "hook-even" : "hook-odd";
                String appId = i < 5 ? "shop" : "crm";
                String eventId = "evt-" + i;
                byte[] key = hookId.getBytes(StandardCharsets.UTF_8);
                byte[] value =
                        serializer.serialize(
                                rawTopic, event(eventId, hookId, appId, "{\"n\":" + i + "}"));
                ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(
                                rawTopic, null, T0.plusSeconds(60L * i).toEpochMilli(), key, value);
                record.headers().add("trace", ("t-" + i).getBytes(StandardCharsets.UTF_8));
                RecordMetadata metadata = producer.send(record).get();
                written.add(
                        new Written(
                                eventId,
                                hookId,
                                appId,
                                key,
                                value,
                                metadata.partition(),
                                metadata.offset()));
            }
        }
    }

    @Test
    void replaysExactlyTheEventsOfTheWindowWithTheirKeysBytesAndHeaders() {
        KafkaFixture.Result result =
                replay("--from", "2026-03-01T12:03:00Z", "--to", "2026-03-01T12:07:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("scanned 4, matched 4, replayed 4\n");
        List<ConsumerRecord<byte[], byte[]>> replayed = kafka.readAll(replayTopic);
        assertThat(replayed)
                .extracting(this::eventId)
                .containsExactlyInAnyOrder("evt-3", "evt-4", "evt-5", "evt-6");
        for (ConsumerRecord<byte[], byte[]> record : replayed) {
            Written original = written.get(Integer.parseInt(eventId(record).substring(4)));
            assertThat(record.key()).isEqualTo(original.key());
            assertThat(record.value())
                    .as("the value bytes, so that bundle ids stay the same")
                    .isEqualTo(original.value());
            assertThat(record.partition())
                    .as("the same partition as the hook it joins with")
                    .isEqualTo(original.partition());
            assertThat(header(record, "trace")).isEqualTo("t-" + original.eventId().substring(4));
            assertThat(header(record, ReplayPublisher.REPLAY_OF))
                    .isEqualTo(rawTopic + ":" + original.partition() + ":" + original.offset());
        }
    }

    @Test
    void replaysOnlyTheEventsOfOneHookOrOneApp() {
        KafkaFixture.Result byHook =
                replay(
                        "--from",
                        "2026-03-01T12:00:00Z",
                        "--to",
                        "2026-03-01T12:06:00Z",
                        "--hook",
                        "hook-odd");

        assertThat(byHook.exitCode()).as(byHook.err()).isZero();
        assertThat(byHook.out()).isEqualTo("scanned 6, matched 3, replayed 3\n");
        assertThat(kafka.readAll(replayTopic))
                .extracting(this::eventId)
                .containsExactlyInAnyOrder("evt-1", "evt-3", "evt-5");

        KafkaFixture.Result byApp =
                replay(
                        "--from",
                        "2026-03-01T12:00:00Z",
                        "--to",
                        "2026-03-01T13:00:00Z",
                        "--app",
                        "crm");

        assertThat(byApp.exitCode()).as(byApp.err()).isZero();
        assertThat(byApp.out()).isEqualTo("scanned 10, matched 5, replayed 5\n");
        assertThat(kafka.readAll(replayTopic))
                .extracting(this::eventId)
                .containsExactlyInAnyOrder(
                        "evt-1", "evt-3", "evt-5", "evt-5", "evt-6", "evt-7", "evt-8", "evt-9");
    }

    @Test
    void aDryRunCountsButPublishesNothing() {
        KafkaFixture.Result result =
                replay(
                        "--from",
                        "2026-03-01T12:02:00Z",
                        "--to",
                        "2026-03-01T12:09:00Z",
                        "--hook",
                        "hook-even",
                        "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("scanned 7, matched 4 (dry run: nothing replayed)\n");
        assertThat(kafka.readAll(replayTopic)).isEmpty();
    }

    @Test
    void aWindowWithoutEventsReplaysNothing() {
        KafkaFixture.Result before = replay("--from", "2026-02-01", "--to", "2026-03-01T12:00:00Z");
        KafkaFixture.Result after =
                replay("--from", "2026-03-01T12:09:00.001Z", "--to", "2026-03-02");

        assertThat(before.out()).isEqualTo("scanned 0, matched 0, replayed 0\n");
        assertThat(after.out()).isEqualTo("scanned 0, matched 0, replayed 0\n");
        assertThat(before.exitCode() + after.exitCode()).isZero();
        assertThat(kafka.readAll(replayTopic)).isEmpty();
    }

    @Test
    void recordsThatAreNotRawEventsAreSkippedAndCounted() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(
                            new ProducerRecord<>(
                                    rawTopic,
                                    null,
                                    T0.plusSeconds(600).toEpochMilli(),
                                    "hook-even".getBytes(StandardCharsets.UTF_8),
                                    new byte[] {1, 2, 3}))
                    .get();
        }

        KafkaFixture.Result result =
                replay("--from", "2026-03-01T12:09:00Z", "--to", "2026-03-01T12:11:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("scanned 2, matched 1, replayed 1, unreadable 1\n");
        assertThat(result.err()).contains("1 records in the window are not raw webhook events");
        assertThat(kafka.readAll(replayTopic)).extracting(this::eventId).containsExactly("evt-9");
    }

    @Test
    void drawsAProgressBarOnlyOnATerminal() {
        KafkaFixture.Result terminal =
                hookstream(
                        terminal(true),
                        "replay",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--raw-topic",
                        rawTopic,
                        "--replay-topic",
                        replayTopic,
                        "--from",
                        "2026-03-01",
                        "--to",
                        "2026-03-02");
        KafkaFixture.Result plain =
                hookstream(
                        terminal(false),
                        "replay",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--raw-topic",
                        rawTopic,
                        "--replay-topic",
                        replayTopic,
                        "--from",
                        "2026-03-01",
                        "--to",
                        "2026-03-02",
                        "--dry-run");

        assertThat(terminal.err())
                .contains(
                        "\r[##############################] 100% scanned 10/10 matched 10 replayed 10");
        assertThat(terminal.out()).isEqualTo("scanned 10, matched 10, replayed 10\n");
        assertThat(plain.err()).doesNotContain("\r").doesNotContain("[#");
        assertThat(plain.out()).isEqualTo("scanned 10, matched 10 (dry run: nothing replayed)\n");
    }

    @Test
    void refusesContradictoryOptionsAndMissingTopics() {
        KafkaFixture.Result both = replay("--from", "2026-03-01", "--hook", "h", "--app", "a");
        KafkaFixture.Result backwards = replay("--from", "2026-03-02", "--to", "2026-03-01");
        KafkaFixture.Result noTopic =
                hookstream(
                        "replay",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--raw-topic",
                        "nope",
                        "--from",
                        "2026-03-01");
        KafkaFixture.Result noReplayTopic =
                hookstream(
                        "replay",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--raw-topic",
                        rawTopic,
                        "--replay-topic",
                        "nope-replay",
                        "--from",
                        "2026-03-01");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err())
                .contains(
                        "--from (2026-03-02T00:00:00Z) must be before --to (2026-03-01T00:00:00Z)");
        assertThat(noTopic.exitCode()).isEqualTo(1);
        assertThat(noTopic.err()).contains("Topic nope does not exist");
        assertThat(noReplayTopic.exitCode()).isEqualTo(1);
        assertThat(noReplayTopic.err())
                .contains("Topic nope-replay does not exist", "the router creates it");
        assertThat(kafka.readAll(replayTopic)).isEmpty();
    }

    private KafkaFixture.Result replay(String... args) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "replay",
                                "--bootstrap-servers",
                                kafka.bootstrap(),
                                "--raw-topic",
                                rawTopic,
                                "--replay-topic",
                                replayTopic));
        all.addAll(List.of(args));
        return hookstream(terminal(false), all.toArray(String[]::new));
    }

    private static java.util.function.Consumer<CommandLine> terminal(boolean isTerminal) {
        return command ->
                ((ReplayCommand) command.getSubcommands().get("replay").getCommand())
                                .stderrIsTerminal =
                        () -> isTerminal;
    }

    private String eventId(ConsumerRecord<byte[], byte[]> record) {
        return AvroSerde.of(RawWebhookEvent.class)
                .deserializer()
                .deserialize(record.topic(), record.value())
                .getEventId();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
