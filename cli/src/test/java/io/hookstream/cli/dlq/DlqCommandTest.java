package io.hookstream.cli.dlq;

import static io.hookstream.cli.replay.KafkaFixture.event;
import static io.hookstream.cli.replay.KafkaFixture.hookstream;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.cli.replay.KafkaFixture;
import io.hookstream.operations.replay.ReplayPublisher;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** {@code hookstream dlq list} and {@code dlq redrive} run in-process against a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DlqCommandTest {

    private static final Instant FAILED_AT = Instant.parse("2026-03-01T12:00:01.250Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KafkaFixture kafka;
    private String dlqTopic;
    private String replayTopic;
    private KafkaProducer<String, DeadLetter> router;

    @BeforeAll
    void startBroker() throws IOException {
        kafka = new KafkaFixture("dlq");
    }

    @AfterAll
    void stopBroker() throws IOException {
        kafka.close();
    }

    @BeforeEach
    void freshTopics() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        dlqTopic = "dlq-" + suffix;
        replayTopic = "replay-" + suffix;
        kafka.createTopic(dlqTopic, 3);
        kafka.createTopic(replayTopic, 3);
    }

    @Test
    void listsCommittedDeadLettersAsJsonLinesWithoutTheirEvents() throws Exception {
        deadLetters(
                letter("evt-1", "hook-a", "webhooks.orders.spec.iterate"),
                letter("evt-2", "hook-b", null));
        abortedDeadLetter(letter("evt-aborted", "hook-a", null));

        KafkaFixture.Result result =
                hookstream(
                        "dlq",
                        "list",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--dlq-topic",
                        dlqTopic);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().stream().map(JSON::readTree).toList())
                .containsExactlyInAnyOrder(
                        JSON.readTree(
                                """
                        {"eventId":"evt-1","hookId":"hook-a","appId":"shop","stage":"router",
                         "directivePath":"webhooks.orders.spec.iterate","errorCode":"IML-T0301",
                         "error":"iterate must give an array","failedAt":"2026-03-01T12:00:01.250Z",
                         "sourceTopic":"hookstream.events.raw"}"""),
                        JSON.readTree(
                                """
                        {"eventId":"evt-2","hookId":"hook-b","appId":"shop","stage":"router","directivePath":null,
                         "errorCode":"IML-T0301","error":"iterate must give an array",
                         "failedAt":"2026-03-01T12:00:01.250Z","sourceTopic":"hookstream.events.raw"}"""));
        assertThat(result.out()).doesNotContain("body");
    }

    @Test
    void listFiltersByHookAndStopsAfterMax() throws Exception {
        deadLetters(
                letter("evt-1", "hook-a", null),
                letter("evt-2", "hook-b", null),
                letter("evt-3", "hook-a", null),
                letter("evt-4", "hook-a", null));

        KafkaFixture.Result byHook = list("--hook", "hook-a");
        KafkaFixture.Result limited = list("--hook", "hook-a", "--max", "2");
        KafkaFixture.Result none = list("--hook", "hook-z");

        assertThat(byHook.outLines())
                .extracting(line -> JSON.readTree(line).get("eventId").asString())
                .containsExactlyInAnyOrder("evt-1", "evt-3", "evt-4");
        assertThat(limited.outLines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"hookId\":\"hook-a\""));
        assertThat(none.outLines()).isEmpty();
        assertThat(byHook.exitCode() + limited.exitCode() + none.exitCode()).isZero();
    }

    @Test
    void listSkipsARecordThatIsNotADeadLetterAndSaysWhere() throws Exception {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        try (KafkaProducer<String, String> raw =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(dlqTopic, 0, "x", "not avro")).get();
        }
        deadLetters(letter("evt-1", "hook-a", null));

        KafkaFixture.Result result = list();

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).singleElement().asString().contains("\"eventId\":\"evt-1\"");
        assertThat(result.err()).contains("not a DeadLetter at " + dlqTopic + "-0 offset 0");
    }

    @Test
    void redrivePublishesTheEmbeddedEventsKeyedByHookAndNamesTheirDeadLetters() throws Exception {
        deadLetters(letter("evt-1", "hook-a", null), letter("evt-2", "hook-b", null));
        abortedDeadLetter(letter("evt-aborted", "hook-a", null));

        KafkaFixture.Result result = redrive();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .isEqualTo("dead letters 2, matched 2, already redriven 0, redriven 2\n");
        List<ConsumerRecord<byte[], byte[]>> replayed = kafka.readAll(replayTopic);
        assertThat(replayed).hasSize(2);
        Map<String, ConsumerRecord<byte[], byte[]>> byEvent = new HashMap<>();
        replayed.forEach(r -> byEvent.put(eventOf(r).getEventId(), r));
        assertThat(byEvent).containsOnlyKeys("evt-1", "evt-2");
        ConsumerRecord<byte[], byte[]> first = byEvent.get("evt-1");
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("hook-a");
        assertThat(eventOf(first))
                .isEqualTo(event("evt-1", "hook-a", "shop", "{\"items\":\"evt-1\"}"));
        List<String> letters =
                kafka.readAll(dlqTopic).stream()
                        .filter(r -> r.value() != null && letterOf(r).getEventId().equals("evt-1"))
                        .map(r -> r.topic() + ":" + r.partition() + ":" + r.offset())
                        .toList();
        assertThat(header(first, ReplayPublisher.REDRIVE_OF)).isIn(letters);
    }

    @Test
    void aDeadLetterIsRedrivenOnceAndANewOneAfterItIsRedrivenToo() throws Exception {
        deadLetters(letter("evt-1", "hook-a", null), letter("evt-2", "hook-a", null));
        assertThat(redrive().out())
                .isEqualTo("dead letters 2, matched 2, already redriven 0, redriven 2\n");

        KafkaFixture.Result again = redrive();

        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .isEqualTo("dead letters 2, matched 2, already redriven 2, redriven 0\n");
        assertThat(kafka.readAll(replayTopic)).hasSize(2);

        // the same event failing again after its redrive is a new dead letter, pending until the
        // next redrive
        deadLetters(letter("evt-1", "hook-a", null));
        KafkaFixture.Result third = redrive();

        assertThat(third.out())
                .isEqualTo("dead letters 3, matched 3, already redriven 2, redriven 1\n");
        assertThat(kafka.readAll(replayTopic))
                .extracting(r -> eventOf(r).getEventId())
                .containsExactlyInAnyOrder("evt-1", "evt-2", "evt-1");
    }

    @Test
    void aRedriveOfOneHookLeavesTheOthersPending() throws Exception {
        deadLetters(
                letter("evt-1", "hook-a", null),
                letter("evt-2", "hook-b", null),
                letter("evt-3", "hook-a", null));

        KafkaFixture.Result hookA = redrive("--hook", "hook-a");
        KafkaFixture.Result rest = redrive();

        assertThat(hookA.out())
                .isEqualTo("dead letters 3, matched 2, already redriven 0, redriven 2\n");
        assertThat(rest.out())
                .isEqualTo("dead letters 3, matched 3, already redriven 2, redriven 1\n");
        assertThat(kafka.readAll(replayTopic))
                .extracting(r -> eventOf(r).getEventId())
                .containsExactlyInAnyOrder("evt-1", "evt-2", "evt-3");
    }

    @Test
    void aDryRunCountsButPublishesNothing() throws Exception {
        deadLetters(letter("evt-1", "hook-a", null), letter("evt-2", "hook-b", null));

        KafkaFixture.Result dry = redrive("--dry-run");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out())
                .isEqualTo(
                        "dead letters 2, matched 2, already redriven 0, to redrive 2 (dry run: nothing redriven)\n");
        assertThat(kafka.readAll(replayTopic)).isEmpty();
        assertThat(redrive().out())
                .as("a dry run leaves every dead letter pending")
                .isEqualTo("dead letters 2, matched 2, already redriven 0, redriven 2\n");
    }

    @Test
    void missingTopicsAreErrors() {
        KafkaFixture.Result noDlq =
                hookstream(
                        "dlq",
                        "redrive",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--dlq-topic",
                        "nope");
        KafkaFixture.Result noReplay =
                hookstream(
                        "dlq",
                        "redrive",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--dlq-topic",
                        dlqTopic,
                        "--replay-topic",
                        "nope-replay");
        KafkaFixture.Result noList =
                hookstream(
                        "dlq",
                        "list",
                        "--bootstrap-servers",
                        kafka.bootstrap(),
                        "--dlq-topic",
                        "nope");
        KafkaFixture.Result bare = hookstream("dlq");

        assertThat(noDlq.exitCode()).isEqualTo(1);
        assertThat(noDlq.err()).contains("Topic nope does not exist");
        assertThat(noReplay.exitCode()).isEqualTo(1);
        assertThat(noReplay.err()).contains("Topic nope-replay does not exist");
        assertThat(noList.exitCode()).isEqualTo(1);
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("list", "redrive");
    }

    private KafkaFixture.Result list(String... args) {
        return hookstream(
                concat(
                        new String[] {
                            "dlq",
                            "list",
                            "--bootstrap-servers",
                            kafka.bootstrap(),
                            "--dlq-topic",
                            dlqTopic
                        },
                        args));
    }

    private KafkaFixture.Result redrive(String... args) {
        return hookstream(
                concat(
                        new String[] {
                            "dlq",
                            "redrive",
                            "--bootstrap-servers",
                            kafka.bootstrap(),
                            "--dlq-topic",
                            dlqTopic,
                            "--replay-topic",
                            replayTopic
                        },
                        args));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static DeadLetter letter(String eventId, String hookId, String directivePath) {
        return DeadLetter.newBuilder()
                .setEventId(eventId)
                .setHookId(hookId)
                .setAppId("shop")
                .setStage("router")
                .setDirectivePath(directivePath)
                .setErrorCode("IML-T0301")
                .setError("iterate must give an array")
                .setFailedAt(FAILED_AT)
                .setSourceTopic("hookstream.events.raw")
                .setEvent(event(eventId, hookId, "shop", "{\"items\":\"" + eventId + "\"}"))
                .build();
    }

    /** Writes dead letters as the router does: in a committed transaction, keyed by event id. */
    private void deadLetters(DeadLetter... letters) {
        KafkaProducer<String, DeadLetter> producer = router();
        producer.beginTransaction();
        for (DeadLetter letter : letters) {
            producer.send(new ProducerRecord<>(dlqTopic, letter.getEventId(), letter));
        }
        producer.commitTransaction();
    }

    private void abortedDeadLetter(DeadLetter letter) {
        KafkaProducer<String, DeadLetter> producer = router();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(dlqTopic, letter.getEventId(), letter));
        producer.flush();
        producer.abortTransaction();
    }

    private KafkaProducer<String, DeadLetter> router() {
        if (router == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "router-" + UUID.randomUUID());
            router =
                    new KafkaProducer<>(
                            config,
                            new StringSerializer(),
                            AvroSerde.of(DeadLetter.class).serializer());
            router.initTransactions();
        }
        return router;
    }

    @AfterAll
    void closeRouter() {
        if (router != null) {
            router.close();
        }
    }

    private static RawWebhookEvent eventOf(ConsumerRecord<byte[], byte[]> record) {
        return AvroSerde.of(RawWebhookEvent.class)
                .deserializer()
                .deserialize(record.topic(), record.value());
    }

    private static DeadLetter letterOf(ConsumerRecord<byte[], byte[]> record) {
        return AvroSerde.of(DeadLetter.class)
                .deserializer()
                .deserialize(record.topic(), record.value());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
