package io.hookstream.connections;

import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.Topic;
import io.hookstream.support.secrets.DataSealer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connection service running on a random port against a real broker, with an HTTP client for
 * its API and readers of the compacted topics it writes.
 */
final class RunningControlPlane implements AutoCloseable {

    static final String TOKEN = "test-api-token";
    static final HookstreamTopics TOPICS = HookstreamTopics.defaults();

    /** The key connection data is sealed with; tests open stored data with it. */
    static final String DATA_KEY = randomKey();

    private static final DataSealer SEALER = DataSealer.ofBase64("k1", DATA_KEY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An API answer: status, raw body (for leak checks) and the body as JSON when it is JSON. */
    record Answer(int status, String body, JsonNode json) {

        String text(String field) {
            return json.path(field).asString();
        }
    }

    private final ConfigurableApplicationContext context;
    private final String bootstrapServers;
    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Answer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RunningControlPlane(ConfigurableApplicationContext context, String bootstrapServers) {
        this.context = context;
        this.bootstrapServers = bootstrapServers;
        this.baseUrl =
                "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningControlPlane start(String bootstrapServers, String... extraArguments) {
        List<String> arguments =
                new ArrayList<>(
                        List.of(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--hookstream.secrets.data-key=" + DATA_KEY,
                                "--hookstream.kafka.bootstrap-servers=" + bootstrapServers,
                                "--hookstream.control.api-token=" + TOKEN,
                                "--hookstream.control.ingress-base-url=http://ingress.test",
                                "--hookstream.control.remote.response-timeout=1s",
                                "--hookstream.control.remote.max-response-size=64KB",
                                "--management.endpoints.web.exposure.include=health"));
        // the fake providers listen on 127.0.0.1, which the outbound guard refuses unless allowed
        if (Stream.of(extraArguments).noneMatch(a -> a.startsWith("--hookstream.outbound.allow"))) {
            arguments.add("--hookstream.outbound.allow=127.0.0.1");
        }
        arguments.addAll(List.of(extraArguments));
        return new RunningControlPlane(
                ConnectionServiceApplication.builder().run(arguments.toArray(String[]::new)),
                bootstrapServers);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Every answer this client received, for checks over all of them. */
    List<Answer> answers() {
        return List.copyOf(answers);
    }

    Answer get(String path) {
        return send("GET", path, null, true);
    }

    Answer post(String path, String json) {
        return send("POST", path, json, true);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json, true);
    }

    Answer patch(String path, String json) {
        return send("PATCH", path, json, true);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, true);
    }

    Answer send(String method, String path, String json, boolean authorized) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorized) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return answer(request);
    }

    /** A POST of raw bytes, e.g. a zipped project. */
    Answer postBytes(String path, String contentType, byte[] body) {
        return answer(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer answer(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode parsed =
                    body.isBlank() || !(body.startsWith("{") || body.startsWith("["))
                            ? tools.jackson.databind.node.MissingNode.getInstance()
                            : JSON.readTree(body);
            Answer answer = new Answer(response.statusCode(), body, parsed);
            answers.add(answer);
            return answer;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an app; fails the test unless it was accepted. */
    void putApp(String appId, String definition) {
        Answer answer = put("/api/apps/" + appId, definition);
        if (answer.status() / 100 != 2) {
            throw new AssertionError("app " + appId + " refused: " + answer.body());
        }
    }

    /**
     * Every record of a compacted topic, in offset order per partition; a tombstone's value is
     * null.
     */
    <V> List<ConsumerRecord<String, V>> records(Topic<String, V> topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
                    V value =
                            r.value() == null
                                    ? null
                                    : topic.valueSerde()
                                            .deserializer()
                                            .deserialize(r.topic(), r.value());
                    records.add(
                            new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), key, value));
                }
            }
        }
        return records;
    }

    /** The latest record per key, tombstones included (as a null value). */
    <V> Map<String, V> latest(Topic<String, V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, V> r : records(topic)) {
            latest.put(r.key(), r.value());
        }
        return latest;
    }

    <V> Stream<V> latestValues(Topic<String, V> topic) {
        return latest(topic).values().stream().filter(java.util.Objects::nonNull);
    }

    /** A stored connection's data, opened with the test key. */
    static JsonNode openData(Connection connection) {
        return JSON.readTree(
                SEALER.open(
                        bytes(connection.getData()),
                        connection.getDataEncryption(),
                        connection.getConnectionId()));
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        context.close();
    }
}
