package io.hookstream.operations.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.operations.scan.MissingTopicException;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Listing, lookup and redrive of dead letters against a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DeadLetterListingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private LocalKafka kafka;
    private DeadLetterTopics topics;
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "dlq-");
        kafka = new LocalKafka(LocalKafkaConfig.builder(dir).port(0).build()).start();
    }

    @AfterAll
    void stop() {
        kafka.close();
    }

    @BeforeEach
    void freshTopics() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topics =
                new DeadLetterTopics(kafka.bootstrapServers(), "dlq-" + suffix, "replay-" + suffix);
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topics.dlqTopic(), 2, (short) 1),
                                    new NewTopic(topics.replayTopic(), 2, (short) 1)))
                    .all()
                    .get();
        }
        warnings.clear();
    }

    @Test
    void listsTheNewestMatchingFirstWithGroupsAndWithoutBodies() throws Exception {
        write(letter("e1", "hook-a", "shop", "WEBHOOK-ITERATE", 1));
        write(letter("e2", "hook-b", "shop", "WEBHOOK-ITERATE", 2));
        write(letter("e3", "hook-a", "shop", "IML-T0301", 3));
        write(letter("e4", "hook-c", "crm", "WEBHOOK-ITERATE", 4));
        DeadLetterListing listing = listing();

        DeadLetterListing.Listing all = listing.list(DeadLetterFilter.all(), 2);

        assertThat(all.deadLetters()).isEqualTo(4);
        assertThat(all.matched()).isEqualTo(4);
        assertThat(all.newestFirst())
                .extracting(DeadLetterSummary::eventId)
                .containsExactly("e4", "e3");
        assertThat(all.newestFirst().get(0).bodySize()).isEqualTo("{\"n\":4}".length());
        assertThat(all.groups())
                .contains(
                        new DeadLetterListing.Group("WEBHOOK-ITERATE", "hook-a", "shop", 1),
                        new DeadLetterListing.Group("IML-T0301", "hook-a", "shop", 1))
                .hasSize(4);
        assertThat(listing.list(DeadLetterFilter.ofHook("hook-a"), 10).newestFirst())
                .extracting(DeadLetterSummary::eventId)
                .containsExactly("e3", "e1");
        assertThat(
                        listing.list(
                                        new DeadLetterFilter(
                                                null,
                                                "shop",
                                                "WEBHOOK-ITERATE",
                                                null,
                                                null,
                                                Set.of()),
                                        10)
                                .newestFirst())
                .extracting(DeadLetterSummary::eventId)
                .containsExactly("e2", "e1");
        assertThat(
                        listing.list(
                                        new DeadLetterFilter(
                                                null,
                                                null,
                                                null,
                                                T0.plusSeconds(2),
                                                T0.plusSeconds(4),
                                                Set.of()),
                                        10)
                                .newestFirst())
                .extracting(DeadLetterSummary::eventId)
                .containsExactly("e3", "e2");
        assertThat(warnings).isEmpty();
    }

    @Test
    void findsOneByItsIdWithItsEventAndNothingWhereThereIsNone() throws Exception {
        RecordMetadata at = write(letter("e1", "hook-a", "shop", "WEBHOOK-ITERATE", 1));
        DeadLetterId id = new DeadLetterId(at.partition(), at.offset());

        DeadLetterListing.Found found = listing().find(id).orElseThrow();

        assertThat(found.summary().id()).isEqualTo(id);
        assertThat(found.summary().redriven()).isFalse();
        assertThat(found.letter().getEvent().getEventId()).isEqualTo("e1");
        assertThat(listing().find(new DeadLetterId(at.partition(), at.offset() + 5))).isEmpty();
        assertThat(listing().find(new DeadLetterId(7, 0))).isEmpty();
        assertThat(DeadLetterId.parse(id.toString())).contains(id);
        assertThat(DeadLetterId.parse("0-1; drop")).isEmpty();
    }

    @Test
    void aRedriveCountsFirstPublishesOnceAndTheListingShowsWhatWasRedriven() throws Exception {
        write(letter("e1", "hook-a", "shop", "WEBHOOK-ITERATE", 1));
        write(letter("e2", "hook-b", "shop", "WEBHOOK-ITERATE", 2));
        DeadLetterRedrive redrive = new DeadLetterRedrive(topics, "test-redrive", warnings::add);
        List<DeadLetterRedrive.Counts> progress = new ArrayList<>();

        DeadLetterRedrive.Result dry =
                redrive.run(DeadLetterFilter.ofHook("hook-a"), true, progress::add);
        DeadLetterRedrive.Result run =
                redrive.run(DeadLetterFilter.ofHook("hook-a"), false, progress::add);
        DeadLetterRedrive.Result again =
                redrive.run(DeadLetterFilter.ofHook("hook-a"), false, counts -> {});

        assertThat(dry.counts()).isEqualTo(new DeadLetterRedrive.Counts(2, 1, 0, 0));
        assertThat(run.complete()).isTrue();
        assertThat(run.counts()).isEqualTo(new DeadLetterRedrive.Counts(2, 1, 0, 1));
        assertThat(progress).last().isEqualTo(run.counts());
        assertThat(again.counts()).isEqualTo(new DeadLetterRedrive.Counts(2, 1, 1, 0));
        assertThat(listing().list(DeadLetterFilter.all(), 10).newestFirst())
                .extracting(DeadLetterSummary::eventId, DeadLetterSummary::redriven)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e2", false),
                        org.assertj.core.groups.Tuple.tuple("e1", true));
    }

    @Test
    void aMissingTopicIsSaidByName() {
        DeadLetterListing listing =
                new DeadLetterListing(
                        new DeadLetterTopics(kafka.bootstrapServers(), "no-such-dlq", "no-replay"),
                        "test",
                        warnings::add);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> listing.list(DeadLetterFilter.all(), 1))
                .isInstanceOf(MissingTopicException.class)
                .hasMessageContaining("no-such-dlq");
    }

    private DeadLetterListing listing() {
        return new DeadLetterListing(topics, "test-listing", warnings::add);
    }

    private RecordMetadata write(DeadLetter letter) throws Exception {
        try (KafkaProducer<String, DeadLetter> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        AvroSerde.of(DeadLetter.class).serializer())) {
            return producer.send(
                            new ProducerRecord<>(
                                    topics.dlqTopic(),
                                    null,
                                    letter.getFailedAt().toEpochMilli(),
                                    letter.getHookId(),
                                    letter))
                    .get();
        }
    }

    private static DeadLetter letter(
            String eventId, String hookId, String appId, String code, int second) {
        Instant at = T0.plusSeconds(second);
        RawWebhookEvent event =
                RawWebhookEvent.newBuilder()
                        .setEventId(eventId)
                        .setReceivedAt(at)
                        .setKind(WebhookKind.DEDICATED)
                        .setHookId(hookId)
                        .setAppId(appId)
                        .setWebhookName("orders")
                        .setMethod("POST")
                        .setPath("/hooks/" + hookId)
                        .setHeaders(List.of(new Header("content-type", "application/json")))
                        .setContentType("application/json")
                        .setBody(
                                ByteBuffer.wrap(
                                        ("{\"n\":" + second + "}")
                                                .getBytes(StandardCharsets.UTF_8)))
                        .build();
        return DeadLetter.newBuilder()
                .setEventId(eventId)
                .setHookId(hookId)
                .setAppId(appId)
                .setStage("router")
                .setDirectivePath("webhooks.orders.spec.iterate")
                .setErrorCode(code)
                .setError("iterate must give an array")
                .setFailedAt(at)
                .setSourceTopic("hookstream.events.raw")
                .setEvent(event)
                .build();
    }
}
