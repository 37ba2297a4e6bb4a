package io.hookstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.ConnectionMetadata;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.SubscriberSet;
import io.hookstream.schemas.avro.Subscription;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    static RawWebhookEvent rawEvent() {
        return RawWebhookEvent.newBuilder()
                .setEventId("0190b3c2-7f00-7000-8000-000000000001")
                .setReceivedAt(T0)
                .setKind(WebhookKind.DEDICATED)
                .setHookId("h1")
                .setAppId("acme")
                .setWebhookName("orders")
                .setMethod("POST")
                .setPath("/hooks/h1")
                .setQuery("a=1&a=2")
                .setHeaders(
                        List.of(
                                new Header("content-type", "application/json"),
                                new Header("x-a", "1")))
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap("{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .setFlags(List.of("MALFORMED_JSON"))
                .build();
    }

    static List<SpecificRecord> everyRecord() {
        return List.of(
                rawEvent(),
                TriggerBundle.newBuilder()
                        .setBundleId("e:0:h1")
                        .setEventId("e")
                        .setItemIndex(0)
                        .setHookId("h1")
                        .setAppId("acme")
                        .setWebhookName("orders")
                        .setUserId("u1")
                        .setConnectionId(null)
                        .setOutput("{\"id\":1}")
                        .setReceivedAt(T0)
                        .setEmittedAt(T0.plusMillis(3))
                        .build(),
                App.newBuilder()
                        .setAppId("acme")
                        .setDefinition("{\"webhooks\":{}}")
                        .setVersion(3)
                        .setUpdatedAt(T0)
                        .build(),
                Hook.newBuilder()
                        .setHookId("h1")
                        .setAppId("acme")
                        .setWebhookName("orders")
                        .setKind(WebhookKind.SHARED)
                        .setUserId("u1")
                        .setConnectionId("c1")
                        .setParameters("{\"secret\":\"s\"}")
                        .setStatus(HookStatus.DISABLED)
                        .setWebhookData("{\"externalHookId\":42}")
                        .setTriggerTopic("hookstream.triggers.u1")
                        .setCreatedAt(T0)
                        .setUpdatedAt(T0)
                        .build(),
                Connection.newBuilder()
                        .setConnectionId("c1")
                        .setAppId("acme")
                        .setUserId("u1")
                        .setUid("777")
                        .setValid(true)
                        .setMetadata(new ConnectionMetadata("email", "a@example.com"))
                        .setData(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                        .setDataEncryption("AES-GCM:k1")
                        .setCreatedAt(T0)
                        .setUpdatedAt(T0)
                        .build(),
                DeadLetter.newBuilder()
                        .setEventId("e")
                        .setHookId("h1")
                        .setAppId("acme")
                        .setStage("router")
                        .setDirectivePath("webhooks.orders.spec.output.id")
                        .setErrorCode("IML-E0101")
                        .setError("boom")
                        .setFailedAt(T0)
                        .setSourceTopic("hookstream.events.raw")
                        .setEvent(rawEvent())
                        .build(),
                UnmatchedItem.newBuilder()
                        .setEventId("e")
                        .setItemIndex(2)
                        .setAppId("acme")
                        .setWebhookName("orders")
                        .setUid("404")
                        .setOutput("{}")
                        .setReceivedAt(T0)
                        .build(),
                new SubscriberSet(
                        List.of(
                                new Subscription(
                                        "h1",
                                        "acme",
                                        "feed",
                                        "u1",
                                        "c1",
                                        "42",
                                        "hookstream.triggers.u1",
                                        "default"))));
    }

    @ParameterizedTest
    @MethodSource("everyRecord")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyRecordRoundTripsThroughItsSerde(SpecificRecord record) {
        AvroSerde serde = AvroSerde.of(record.getClass());

        byte[] bytes = serde.serializer().serialize("t", record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3); // single-object encoding marker
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("everyRecord")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theEncodingIsByteForByteAvrosOwnSingleObjectEncodingAndReadsBackFromIt(
            SpecificRecord record) throws IOException {
        AvroSerde serde = AvroSerde.of(record.getClass());
        BinaryMessageEncoder avros =
                new BinaryMessageEncoder<>(
                        SpecificData.getForClass(record.getClass()), record.getSchema());

        byte[] theirs = toArray(avros.encode(record));

        assertThat(serde.encode(record)).isEqualTo(theirs);
        assertThat(serde.decode(theirs)).isEqualTo(record);
        // and Avro's decoder reads ours
        assertThat(
                        new BinaryMessageDecoder<>(
                                        SpecificData.getForClass(record.getClass()),
                                        record.getSchema())
                                .decode(serde.encode(record)))
                .isEqualTo(record);
    }

    @Test
    void aLargeRecordThenSmallOnesEachEncodeToExactlyTheirOwnBytes() {
        AvroSerde<RawWebhookEvent> serde = AvroSerde.of(RawWebhookEvent.class);
        RawWebhookEvent large =
                RawWebhookEvent.newBuilder(rawEvent())
                        .setBody(ByteBuffer.wrap(new byte[200_000]))
                        .build();
        RawWebhookEvent small = rawEvent();

        byte[] smallFirst = serde.encode(small);
        assertThat(serde.decode(serde.encode(large))).isEqualTo(large);

        assertThat(serde.encode(small)).isEqualTo(smallFirst);
        assertThat(serde.encode(small)).isEqualTo(smallFirst);
    }

    @Test
    void threadsEncodingAtOnceEachGetTheirOwnRecordsBytes() throws Exception {
        AvroSerde<RawWebhookEvent> serde = AvroSerde.of(RawWebhookEvent.class);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String id = "event-" + t;
                results.add(
                        pool.submit(
                                () -> {
                                    RawWebhookEvent mine =
                                            RawWebhookEvent.newBuilder(rawEvent())
                                                    .setEventId(id)
                                                    .setBody(
                                                            ByteBuffer.wrap(
                                                                    id.repeat(50)
                                                                            .getBytes(
                                                                                    StandardCharsets
                                                                                            .UTF_8)))
                                                    .build();
                                    for (int i = 0; i < 2_000; i++) {
                                        if (!serde.decode(serde.encode(mine)).equals(mine)) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (var r : results) {
                assertThat(r.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<App> serde = AvroSerde.of(App.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void readsARecordWrittenWithAnOlderSchemaKnownToTheHistory() throws IOException {
        Schema older = parse("/older/RawWebhookEvent-v0.avsc");
        GenericRecord old = new GenericData.Record(older);
        old.put("eventId", "e-old");
        old.put("receivedAt", T0.toEpochMilli());
        old.put("hookId", "h9");
        old.put("appId", "acme");
        old.put("webhookName", "orders");
        old.put("method", "PUT");
        old.put("path", "/hooks/h9");
        old.put("contentType", null);
        old.put("body", ByteBuffer.wrap(new byte[] {42}));
        ByteBuffer written =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
        AvroSerde<RawWebhookEvent> serde =
                AvroSerde.of(RawWebhookEvent.class, SchemaHistory.of(List.of(older)));

        RawWebhookEvent read = serde.decode(toArray(written));

        assertThat(read.getEventId()).isEqualTo("e-old");
        assertThat(read.getReceivedAt()).isEqualTo(T0);
        assertThat(read.getMethod()).isEqualTo("PUT");
        assertThat(read.getBody().array()).containsExactly(42);
        // fields the older writer did not have take their defaults
        assertThat(read.getKind()).isEqualTo(WebhookKind.DEDICATED);
        assertThat(read.getQuery()).isEmpty();
        assertThat(read.getHeaders()).isEmpty();
        assertThat(read.getFlags()).isEmpty();
        assertThat(read.getReplayOf()).isNull();
    }

    @Test
    void aWriterSchemaTheHistoryDoesNotKnowIsAClearSerializationError() throws IOException {
        Schema older = parse("/older/RawWebhookEvent-v0.avsc");
        GenericRecord old = new GenericData.Record(older);
        older.getFields()
                .forEach(
                        f ->
                                old.put(
                                        f.name(),
                                        f.schema().getType() == Schema.Type.BYTES
                                                ? ByteBuffer.wrap(new byte[0])
                                                : f.schema().getType() == Schema.Type.LONG
                                                        ? 0L
                                                        : "x"));
        old.put("hookId", null);
        old.put("contentType", null);
        byte[] bytes =
                toArray(
                        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older)
                                .encode(old));

        assertThatThrownBy(() -> AvroSerde.of(RawWebhookEvent.class).decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RawWebhookEvent");
    }

    @Test
    void bytesThatAreNotSingleObjectEncodedAreASerializationError() {
        AvroSerde<App> serde = AvroSerde.of(App.class);

        assertThatThrownBy(() -> serde.decode("{\"appId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void releasedHistoryLoadsFromTheClasspath() {
        // every listed file must parse; an empty history is valid for the first release
        assertThat(SchemaHistory.loadReleased(getClass().getClassLoader()))
                .allSatisfy(s -> assertThat(s.getType()).isEqualTo(Schema.Type.RECORD));
    }

    @Test
    void aHookOfThePreviousReleaseReadsWithoutABundleFormat() throws IOException {
        Schema previous = parse("/io/hookstream/schemas/history/Hook-v1.avsc");
        GenericRecord old = new GenericData.Record(previous);
        old.put("hookId", "h1");
        old.put("appId", "shop");
        old.put("webhookName", "orders");
        old.put(
                "kind",
                new GenericData.EnumSymbol(previous.getField("kind").schema(), "DEDICATED"));
        old.put("userId", "alice");
        old.put("parameters", "{}");
        old.put(
                "status",
                new GenericData.EnumSymbol(previous.getField("status").schema(), "ACTIVE"));
        old.put("triggerTopic", "hookstream.triggers.alice");
        old.put("createdAt", 1L);
        old.put("updatedAt", 2L);
        byte[] bytes =
                toArray(
                        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), previous)
                                .encode(old));

        Hook read = AvroSerde.of(Hook.class).decode(bytes);

        assertThat(read.getHookId()).isEqualTo("h1");
        assertThat(read.getBundleFormat()).isNull();
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = AvroSerdeTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
