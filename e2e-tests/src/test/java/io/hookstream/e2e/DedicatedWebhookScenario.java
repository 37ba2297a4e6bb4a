package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.hookstream.devstack.HookstreamSystem;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.serde.AvroSerde;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end, against whatever broker a test supplies: register an app and a
 * dedicated hook over the control plane's HTTP API, POST a webhook to the ingress over real HTTP, and
 * read exactly one bundle from the user's trigger topic (read_committed).
 */
final class DedicatedWebhookScenario {

    static final String TOKEN = "e2e-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void run(String bootstrapServers) throws Exception {
        Path state = Path.of(System.getProperty("java.io.tmpdir"), "router-state-" + UUID.randomUUID());
        try (HookstreamSystem system = HookstreamSystem.start(new HookstreamSystem.Options(bootstrapServers, 0, 0, 0, state,
                Map.of("hookstream.control.api-token", TOKEN)))) {
            String app = """
                {"name": "Orders", "webhooks": {"orders": {"type": "dedicated", "spec": {}}}}""";
            HttpResponse<String> put = send(system.controlUrl() + "/api/apps/shop", "PUT", app, true);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

            String userId = "user-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = send(system.controlUrl() + "/api/hooks", "POST",
                "{\"appId\":\"shop\",\"webhook\":\"orders\",\"userId\":\"" + userId + "\",\"parameters\":{}}", true);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode hook = JSON.readTree(created.body());
            String hookId = hook.get("hookId").asString();
            assertThat(hookId).hasSizeGreaterThanOrEqualTo(26); // >= 128 random bits in base32
            assertThat(hook.get("url").asString()).isEqualTo(system.ingressUrl() + "/hooks/" + hookId);

            String body = "{\"orderId\":42,\"items\":[{\"sku\":\"a\"}],\"note\":\"caf\u00e9\"}";
            HttpResponse<String> accepted = send(hook.get("url").asString(), "POST", body, false);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
            assertThat(accepted.body()).isEqualTo("Accepted");
            String eventId = accepted.headers().firstValue("hookstream-event-id").orElseThrow();

            List<TriggerBundle> bundles = readBundles(bootstrapServers, "hookstream.triggers." + userId, 1, Duration.ofSeconds(60));
            assertThat(bundles).hasSize(1);
            TriggerBundle bundle = bundles.get(0);
            assertThat(bundle.getBundleId()).isEqualTo(eventId + ":0:" + hookId);
            assertThat(bundle.getUserId()).isEqualTo(userId);
            assertThat(bundle.getHookId()).isEqualTo(hookId);
            assertThat(JSON.readTree(bundle.getOutput())).isEqualTo(JSON.readTree(body));

            HttpResponse<String> unknown = send(system.ingressUrl() + "/hooks/nosuchhook" + UUID.randomUUID(), "POST", body, false);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");

            HttpResponse<String> anonymous = send(system.controlUrl() + "/api/apps/shop", "GET", null, false);
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> send(String url, String method, String body, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (authorized) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads committed bundles until {@code expected} arrived, then keeps reading a little longer: a
     * duplicate or an extra bundle arriving late must fail the test too.
     */
    static List<TriggerBundle> readBundles(String bootstrapServers, String topic, int expected, Duration timeout) {
        AvroSerde<TriggerBundle> serde = AvroSerde.of(TriggerBundle.class);
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<TriggerBundle> bundles = new ArrayList<>();
        try (KafkaConsumer<String, TriggerBundle> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, TriggerBundle> r : consumer.poll(Duration.ofMillis(200))) {
                    bundles.add(r.value());
                }
                if (bundles.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return bundles;
    }
}
