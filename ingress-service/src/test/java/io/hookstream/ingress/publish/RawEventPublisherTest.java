package io.hookstream.ingress.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/** On a real broker: when a send may run on the caller's thread, and when it must be handed off. */
class RawEventPublisherTest {

    private static final HookstreamTopics TOPICS = HookstreamTopics.defaults();

    private LocalKafka kafka;
    private RawEventPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("publisher-kafka");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        kafka = new LocalKafka(LocalKafkaConfig.builder(dir).port(port).build()).start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.eventsRaw().name(), 1, (short) 1)))
                    .all()
                    .get();
        }
        publisher =
                new RawEventPublisher(
                        kafka.bootstrapServers(),
                        "publisher-test",
                        TOPICS.eventsRaw(),
                        Duration.ofSeconds(2),
                        new RawEventPublisher.Batching(Duration.ofMillis(1), "lz4", 256 * 1024));
    }

    @AfterEach
    void stop() throws Exception {
        publisher.destroy();
        kafka.close();
    }

    @Test
    void sendsGoStraightFromTheCallerOnlyAfterAnAcknowledgementAndUntilAFailure() {
        // nothing acknowledged yet: the topic's metadata may be unknown, so a send could block
        assertThat(publisher.sendsDirectly()).isFalse();

        assertThat(
                        publisher
                                .publish("h1", event("e1"), Schedulers.parallel())
                                .block(Duration.ofSeconds(30)))
                .isNotNull();
        assertThat(publisher.sendsDirectly()).isTrue();
        assertThat(
                        publisher
                                .publish("h1", event("e2"), Schedulers.parallel())
                                .block(Duration.ofSeconds(30))
                                .offset())
                .isEqualTo(1);

        kafka.close();
        // the broker is gone: this send times out (the caller answers 503) and the next ones are
        // handed off
        assertThatThrownBy(
                        () ->
                                publisher
                                        .publish("h1", event("e3"), Schedulers.parallel())
                                        .block(Duration.ofSeconds(30)))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(publisher.sendsDirectly()).isFalse();
    }

    private static RawWebhookEvent event(String id) {
        return RawWebhookEvent.newBuilder()
                .setEventId(id)
                .setReceivedAt(Instant.parse("2026-11-22T10:00:00Z"))
                .setKind(WebhookKind.DEDICATED)
                .setHookId("h1")
                .setAppId("shop")
                .setWebhookName("orders")
                .setMethod("POST")
                .setPath("/hooks/h1")
                .setQuery("")
                .setHeaders(List.of())
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap("{}".getBytes()))
                .setFlags(List.of())
                .build();
    }
}
