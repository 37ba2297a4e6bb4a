package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.devstack.HookstreamSystem;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services on a real broker with every example app registered through the API, plus what
 * tests need to drive them: an HTTP client, the control plane's calls, and readers for topics.
 * Provider API hosts in the example apps are pointed at a {@link FakeProviderApi} on loopback.
 */
final class RunningSystem implements AutoCloseable {

    static final String TOKEN = "e2e-token";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROVIDER_HOST =
            Pattern.compile("https://[a-z0-9.-]+\\.(com|net|io)");

    final HookstreamSystem system;
    final FakeProviderApi providers;
    final String bootstrapServers;
    final HookstreamTopics topics = HookstreamTopics.defaults();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Admin admin;
    private final ControlPlaneClient controlPlane;

    RunningSystem(String bootstrapServers) throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.providers = new FakeProviderApi();
        Path state =
                Path.of(System.getProperty("java.io.tmpdir"), "router-state-" + UUID.randomUUID());
        this.system =
                HookstreamSystem.start(
                        new HookstreamSystem.Options(
                                bootstrapServers,
                                0,
                                0,
                                0,
                                HookstreamSystem.ManagementPorts.any(),
                                state,
                                Map.of(
                                        "hookstream.control.api-token",
                                        TOKEN,
                                        // the provider stand-in listens on 127.0.0.2, allowed by
                                        // address; every other inside address stays refused
                                        "hookstream.outbound.allow",
                                        FakeProviderApi.ADDRESS)));
        this.controlPlane = new ControlPlaneClient(system.controlUrl(), TOKEN);
        this.admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        registerExampleApps();
    }

    private void registerExampleApps() throws IOException, InterruptedException {
        Path folder = Path.of("..", "examples", "apps");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".json", "");
            String definition =
                    PROVIDER_HOST.matcher(Files.readString(file)).replaceAll(providers.baseUrl());
            HttpResponse<String> put = control("PUT", "/api/apps/" + name, definition);
            assertThat(put.statusCode()).as("%s: %s", name, put.body()).isIn(200, 201);
        }
    }

    HttpResponse<String> control(String method, String path, String body)
            throws IOException, InterruptedException {
        return controlPlane.control(method, path, body);
    }

    /** Creates a hook and answers its JSON (hookId, url, triggerTopic, ...). */
    JsonNode createHook(String appId, String webhook, String userId, String parametersJson)
            throws Exception {
        HttpResponse<String> created =
                control(
                        "POST",
                        "/api/hooks",
                        "{\"appId\":\""
                                + appId
                                + "\",\"webhook\":\""
                                + webhook
                                + "\",\"userId\":\""
                                + userId
                                + "\",\"parameters\":"
                                + parametersJson
                                + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** A request to the ingress with headers as name/value pairs. */
    HttpResponse<String> send(
            String method, String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * How many raw events the ingress has published so far (the raw topic is written without
     * transactions).
     */
    long rawEventCount() throws Exception {
        String topic = topics.eventsRaw().name();
        var partitions =
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(
                p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }

    /**
     * Reads committed records of {@code topic} until {@code expected} arrived, then a little
     * longer, so that a late duplicate or an extra record fails the caller's assertion too.
     */
    <V> List<ConsumerRecord<String, V>> read(
            String topic, Deserializer<V> values, int expected, Duration timeout) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            // a topic created a moment ago may not be in this broker's metadata yet
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions =
                        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                                .map(p -> new TopicPartition(topic, p.partition()))
                                .toList();
            }
            assertThat(partitions).as("partitions of " + topic).isNotEmpty();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        admin.close();
        system.close();
        providers.close();
    }
}
