package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.hookstream.cli.HookstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Trigger topics read as a consumer elsewhere reads them: a plain {@link KafkaConsumer} with the
 * CloudEvents SDK's own Kafka deserializer (and, for the structured mode, the SDK's own JSON
 * format), {@code read_committed}. Every attribute is checked against what was sent; ids are unique
 * per bundle and the same again after a replay.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@Timeout(180)
class CloudEventsConsumerTest {

    private static final String APP =
            """
            {"name": "Cloud shop", "webhooks": {"order lines": {"type": "dedicated", "spec": {
              "iterate": "{{body.items}}",
              "output": {"order": "{{body.id}}", "sku": "{{item.sku}}", "qty": "{{item.qty}}"}}}}}""";

    private static RunningSystem hs;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
        HttpResponse<String> put = hs.control("PUT", "/api/apps/cloud-shop", APP);
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        hs.close();
    }

    @Test
    void binaryModeCarriesEveryAttributeAsHeadersAndTheOutputAsTheValue() throws Exception {
        Delivery delivery = deliver(null);

        List<ConsumerRecord<String, CloudEvent>> records = read(delivery.topic(), 2);

        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, CloudEvent> record : records) {
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(record.value().getId());
        }
        assertEvents(delivery, records);
    }

    @Test
    void structuredModeIsOneJsonEventPerRecord() throws Exception {
        Delivery delivery = deliver("cloudevents-structured");

        List<ConsumerRecord<String, CloudEvent>> records = read(delivery.topic(), 2);

        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, CloudEvent> record : records) {
            assertThat(header(record, "content-type"))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(record.headers().lastHeader("ce_id")).isNull();
        }
        assertEvents(delivery, records);
    }

    @Test
    void idsAreUniquePerBundleAndTheSameAfterAReplay() throws Exception {
        Delivery delivery = deliver(null);
        List<String> first = ids(read(delivery.topic(), 2));
        assertThat(first).doesNotHaveDuplicates().hasSize(2);

        StringWriter out = new StringWriter();
        int exit =
                new CommandLine(new HookstreamCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(new StringWriter(), true))
                        .execute(
                                "replay",
                                "--from",
                                delivery.before().minusSeconds(1).toString(),
                                "--hook",
                                delivery.hookId(),
                                "--bootstrap-servers",
                                hs.bootstrapServers);
        assertThat(exit).as(out.toString()).isZero();

        List<String> all = ids(read(delivery.topic(), 4));
        // the topic holds each bundle twice now; a consumer that drops ids it has seen sees it once
        assertThat(all).hasSize(4);
        assertThat(all.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void newTriggerTopicsAreCompressedWithACodecEveryClientReads() throws Exception {
        Delivery delivery = deliver(null);
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hs.bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, delivery.topic());
            String codec =
                    admin.describeConfigs(List.of(topic))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic)
                            .get(TopicConfig.COMPRESSION_TYPE_CONFIG)
                            .value();
            assertThat(codec).isEqualTo("gzip");
        }
    }

    private record Delivery(
            String topic,
            String hookId,
            String userId,
            String eventId,
            Instant before,
            Instant after,
            String body) {}

    /** A real webhook through the ingress to a new hook of a new user, in {@code format}. */
    private static Delivery deliver(String format) throws Exception {
        String userId = "ce-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created =
                hs.control(
                        "POST",
                        "/api/hooks",
                        "{\"appId\":\"cloud-shop\",\"webhook\":\"order lines\",\"userId\":\""
                                + userId
                                + "\",\"parameters\":{}"
                                + (format == null ? "" : ",\"bundleFormat\":\"" + format + "\"")
                                + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode hook = RunningSystem.JSON.readTree(created.body());
        String body =
                "{\"id\":1001,\"items\":[{\"sku\":\"A-1\",\"qty\":2},{\"sku\":\"B-\u00e9\",\"qty\":1}]}";
        Instant before = Instant.now();
        HttpResponse<String> accepted =
                hs.send("POST", hook.get("url").asString(), "application/json", body);
        Instant after = Instant.now();
        assertThat(accepted.statusCode()).isEqualTo(200);
        return new Delivery(
                hook.get("triggerTopic").asString(),
                hook.get("hookId").asString(),
                userId,
                accepted.headers().firstValue("hookstream-event-id").orElseThrow(),
                before,
                after,
                body);
    }

    private static void assertEvents(
            Delivery delivery, List<ConsumerRecord<String, CloudEvent>> records) {
        JsonNode sent = RunningSystem.JSON.readTree(delivery.body());
        List<Integer> indexes = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            int index = Integer.parseInt(event.getExtension("itemindex").toString());
            indexes.add(index);
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getId())
                    .isEqualTo(delivery.eventId() + ":" + index + ":" + delivery.hookId());
            assertThat(event.getSource())
                    .isEqualTo(URI.create("/apps/cloud-shop/webhooks/order%20lines"));
            assertThat(event.getType()).isEqualTo("io.hookstream.bundle");
            assertThat(event.getSubject()).isEqualTo(delivery.hookId());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getTime().toInstant())
                    .isBetween(delivery.before().minusMillis(1), delivery.after().plusMillis(1));
            assertThat(event.getExtension("userid")).isEqualTo(delivery.userId());
            assertThat(event.getExtension("hookid")).isEqualTo(delivery.hookId());
            assertThat(event.getExtension("eventid")).isEqualTo(delivery.eventId());
            assertThat(event.getExtension("appid")).isEqualTo("cloud-shop");
            assertThat(event.getExtension("webhook")).isEqualTo("order lines");
            assertThat(event.getExtension("connectionid")).isNull();
            // the Kafka binding: partitionkey is the record key
            assertThat(event.getExtension("partitionkey")).isEqualTo(record.key());
            assertThat(record.key()).isEqualTo(delivery.hookId());
            JsonNode item = sent.get("items").get(index);
            assertThat(RunningSystem.JSON.readTree(event.getData().toBytes()))
                    .isEqualTo(
                            RunningSystem.JSON.readTree(
                                    "{\"order\":1001,\"sku\":"
                                            + item.get("sku")
                                            + ",\"qty\":"
                                            + item.get("qty")
                                            + "}"));
        }
        assertThat(indexes).containsExactlyInAnyOrder(0, 1);
    }

    /** What a consumer written with the SDK reads: read_committed, every partition. */
    private static List<ConsumerRecord<String, CloudEvent>> read(String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        hs.bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    // a little longer, so that an extra record fails the caller's assertion
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return records;
    }

    private static List<String> ids(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(r -> r.value().getId()).toList();
    }

    private static String header(ConsumerRecord<String, CloudEvent> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
