package io.hookstream.cli.replay;

import io.hookstream.cli.HookstreamCli;
import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;

/**
 * A real broker under target/ for the command tests, with what they need to write, read and run
 * commands.
 */
public final class KafkaFixture implements AutoCloseable {

    private final Path dataDir;
    private final LocalKafka kafka;
    private final String bootstrap;

    public KafkaFixture(String name) throws IOException {
        // java.io.tmpdir points into target/ for tests; the JDK's own temp-file default was fixed
        // before that
        dataDir =
                Files.createTempDirectory(
                        Path.of(System.getProperty("java.io.tmpdir")), name + "-kafka-");
        kafka = new LocalKafka(LocalKafkaConfig.builder(dataDir).port(0).build()).start();
        bootstrap = kafka.bootstrapServers();
    }

    public String bootstrap() {
        return bootstrap;
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot create " + topic, e);
        }
    }

    /**
     * Every record of {@code topic} as bytes, read_committed, from the beginning to the end at the
     * time of the call.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** A dedicated-webhook event as the ingress publishes it. */
    public static RawWebhookEvent event(String eventId, String hookId, String appId, String body) {
        return RawWebhookEvent.newBuilder()
                .setEventId(eventId)
                .setReceivedAt(Instant.parse("2026-03-01T12:00:00Z"))
                .setKind(WebhookKind.DEDICATED)
                .setHookId(hookId)
                .setAppId(appId)
                .setWebhookName("orders")
                .setMethod("POST")
                .setPath("/hooks/" + hookId)
                .setHeaders(List.of(new Header("content-type", "application/json")))
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** Runs {@code hookstream ARGS} in-process as a user would type it. */
    public static Result hookstream(String... args) {
        return hookstream(command -> {}, args);
    }

    /** As {@link #hookstream(String...)}, after {@code setup} adjusted the parsed command line. */
    public static Result hookstream(Consumer<CommandLine> setup, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command =
                new CommandLine(new HookstreamCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true));
        setup.accept(command);
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {

        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    @Override
    public void close() throws IOException {
        kafka.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.delete(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
