package io.hookstream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.cli.HookstreamCli;
import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code hookstream tail} run in-process, as a user would type it, against a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TailCommandTest {

    private Path dataDir;
    private LocalKafka kafka;
    private String bootstrap;

    @BeforeAll
    void startBroker() throws IOException {
        // java.io.tmpdir points into target/ for tests; the JDK's own temp-file default was fixed
        // before that
        dataDir =
                Files.createTempDirectory(
                        Path.of(System.getProperty("java.io.tmpdir")), "tail-kafka-");
        kafka = new LocalKafka(LocalKafkaConfig.builder(dataDir).port(0).build()).start();
        bootstrap = kafka.bootstrapServers();
    }

    @AfterAll
    void stopBroker() throws IOException {
        if (kafka != null) {
            kafka.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TailCommandTest::delete);
        }
    }

    @Test
    void printsTheCommittedBundlesOfAUserAsJsonLinesAndNothingOfAnAbortedTransaction() {
        createTopic("hookstream.triggers.user-1", 1);
        try (KafkaProducer<String, TriggerBundle> producer = transactionalProducer("router-1")) {
            // aborted first: a tail that read uncommitted records would print it and stop at --max
            // 2
            producer.beginTransaction();
            producer.send(
                    new ProducerRecord<>(
                            "hookstream.triggers.user-1",
                            "hook-1",
                            Bundles.bundle(
                                    "evt-0",
                                    0,
                                    "hook-1",
                                    "user-1",
                                    "conn-1",
                                    "{\"aborted\":true}")));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(
                    new ProducerRecord<>(
                            "hookstream.triggers.user-1",
                            "hook-1",
                            Bundles.bundle(
                                    "evt-1",
                                    0,
                                    "hook-1",
                                    "user-1",
                                    "conn-1",
                                    "{\"order\":17,\"total\":10.50}")));
            producer.send(
                    new ProducerRecord<>(
                            "hookstream.triggers.user-1",
                            "hook-2",
                            Bundles.bundle(
                                    "evt-1", 1, "hook-2", "user-1", null, "[1,\"two\",null]")));
            producer.commitTransaction();
        }

        Result result =
                hookstream(
                        "tail",
                        "--user",
                        "user-1",
                        "--bootstrap-servers",
                        bootstrap,
                        "--from-beginning",
                        "--max",
                        "2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.outLines())
                .containsExactly(
                        Bundles.line(
                                "evt-1",
                                0,
                                "hook-1",
                                "user-1",
                                "conn-1",
                                "{\"order\":17,\"total\":10.50}"),
                        Bundles.line("evt-1", 1, "hook-2", "user-1", null, "[1,\"two\",null]"));
    }

    @Test
    void readsATopicWhoseBundlesAreInEveryFormatAlike() {
        String topic = "hookstream.triggers.user-mixed";
        createTopic(topic, 1);
        io.hookstream.schemas.bundle.BundleWriter writer =
                new io.hookstream.schemas.bundle.BundleWriter();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        config,
                        new StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            int index = 0;
            for (io.hookstream.schemas.bundle.BundleFormat format :
                    io.hookstream.schemas.bundle.BundleFormat.values()) {
                var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
                byte[] value =
                        writer.write(
                                topic,
                                headers,
                                Bundles.bundle(
                                        "evt-m",
                                        index,
                                        "hook-m",
                                        "user-mixed",
                                        null,
                                        "{\"n\":" + index + "}"),
                                "hook-m",
                                format);
                producer.send(new ProducerRecord<>(topic, null, "hook-m", value, headers));
                index++;
            }
        }

        Result result =
                hookstream(
                        "tail",
                        "--user",
                        "user-mixed",
                        "--bootstrap-servers",
                        bootstrap,
                        "--from-beginning",
                        "--max",
                        "3");

        assertThat(result.err()).isEmpty();
        assertThat(result.outLines())
                .containsExactly(
                        Bundles.line("evt-m", 0, "hook-m", "user-mixed", null, "{\"n\":0}"),
                        Bundles.line("evt-m", 1, "hook-m", "user-mixed", null, "{\"n\":1}"),
                        Bundles.line("evt-m", 2, "hook-m", "user-mixed", null, "{\"n\":2}"));
    }

    @Test
    void onASharedTopicPrintsOnlyTheRecordsKeyedByTheUserAndStopsWhenQuiet() {
        createTopic("hookstream.triggers", 3);
        try (KafkaProducer<String, TriggerBundle> producer = transactionalProducer("router-2")) {
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                for (String user : List.of("user-1", "user-2", "user-3")) {
                    producer.send(
                            new ProducerRecord<>(
                                    "hookstream.triggers",
                                    user,
                                    Bundles.bundle(
                                            "evt-" + i,
                                            0,
                                            "hook-" + user,
                                            user,
                                            null,
                                            "{\"n\":" + i + "}")));
                }
            }
            producer.commitTransaction();
        }

        Result result =
                hookstream(
                        "tail",
                        "--topic",
                        "hookstream.triggers",
                        "--user",
                        "user-2",
                        "--bootstrap-servers",
                        bootstrap,
                        "--from-beginning",
                        "--timeout",
                        "2s");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines())
                .containsExactly(
                        Bundles.line("evt-0", 0, "hook-user-2", "user-2", null, "{\"n\":0}"),
                        Bundles.line("evt-1", 0, "hook-user-2", "user-2", null, "{\"n\":1}"),
                        Bundles.line("evt-2", 0, "hook-user-2", "user-2", null, "{\"n\":2}"));
    }

    @Test
    void withoutFromBeginningOnlyBundlesArrivingLaterArePrinted() throws Exception {
        createTopic("hookstream.triggers.user-5", 1);
        try (KafkaProducer<String, TriggerBundle> producer = transactionalProducer("router-5")) {
            send(
                    producer,
                    "hookstream.triggers.user-5",
                    Bundles.bundle("evt-old", 0, "hook-1", "user-5", null, "{}"));

            CompletableFuture<Result> tail =
                    CompletableFuture.supplyAsync(
                            () ->
                                    hookstream(
                                            "tail",
                                            "--user",
                                            "user-5",
                                            "--bootstrap-servers",
                                            bootstrap,
                                            "--max",
                                            "1",
                                            "--timeout",
                                            "60s"));
            // the tail positions itself at the end at some moment this thread cannot observe, so
            // keep producing
            // until it has printed one
            int sent = 0;
            while (!tail.isDone()) {
                send(
                        producer,
                        "hookstream.triggers.user-5",
                        Bundles.bundle("evt-new-" + sent++, 0, "hook-1", "user-5", null, "{}"));
                Thread.sleep(300);
            }

            Result result = tail.get();
            assertThat(result.exitCode()).isZero();
            assertThat(result.outLines())
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("\"eventId\":\"evt-new-");
        }
    }

    @Test
    void skipsARecordThatIsNotABundleAndSaysWhere() throws Exception {
        createTopic("hookstream.triggers.user-4", 1);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(
                            new ProducerRecord<>(
                                    "hookstream.triggers.user-4", "hook-1", new byte[] {1, 2, 3}))
                    .get();
        }
        try (KafkaProducer<String, TriggerBundle> producer = transactionalProducer("router-4")) {
            send(
                    producer,
                    "hookstream.triggers.user-4",
                    Bundles.bundle("evt-4", 0, "hook-1", "user-4", null, "{}"));
        }

        Result result =
                hookstream(
                        "tail",
                        "--user",
                        "user-4",
                        "--bootstrap-servers",
                        bootstrap,
                        "--from-beginning",
                        "--max",
                        "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines())
                .containsExactly(Bundles.line("evt-4", 0, "hook-1", "user-4", null, "{}"));
        assertThat(result.err())
                .contains("not a TriggerBundle", "hookstream.triggers.user-4-0 offset 0");
    }

    @Test
    void aTopicThatDoesNotExistIsAnErrorAndIsNotCreated() throws Exception {
        Result result =
                hookstream(
                        "tail",
                        "--user",
                        "nobody",
                        "--bootstrap-servers",
                        bootstrap,
                        "--from-beginning");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("hookstream.triggers.nobody does not exist");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get())
                    .doesNotContain("hookstream.triggers.nobody");
        }
    }

    private Result hookstream(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode =
                new CommandLine(new HookstreamCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private void createTopic(String topic, int partitions) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot create " + topic, e);
        }
    }

    /**
     * A producer configured as the router's exactly-once output: transactional, idempotent,
     * acks=all.
     */
    private KafkaProducer<String, TriggerBundle> transactionalProducer(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, TriggerBundle> producer =
                new KafkaProducer<>(
                        config,
                        new StringSerializer(),
                        AvroSerde.of(TriggerBundle.class).serializer());
        producer.initTransactions();
        return producer;
    }

    private static void send(
            KafkaProducer<String, TriggerBundle> producer, String topic, TriggerBundle bundle) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, bundle.getHookId(), bundle));
        producer.commitTransaction();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
