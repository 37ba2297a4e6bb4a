package io.hookstream.schemas.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the router writes, read back by the SDK's own Kafka deserializer and JSON format (Jackson 2,
 * an implementation independent of the one that wrote it) and by {@link BundleReader}.
 */
class BundleWriterTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:15:30.123Z");
    // a number whose digits a double would change, and a non-ASCII string
    private static final String OUTPUT =
            "{\"order\":1001,\"price\":0.10000000000000000001,\"név\":\"Zoë\"}";

    private final BundleWriter writer = new BundleWriter();

    private static TriggerBundle bundle(String connectionId) {
        return TriggerBundle.newBuilder()
                .setBundleId("ev1:0:h1")
                .setEventId("ev1")
                .setItemIndex(0)
                .setHookId("h1")
                .setAppId("shop")
                .setWebhookName("order events")
                .setUserId("alice")
                .setConnectionId(connectionId)
                .setOutput(OUTPUT)
                .setReceivedAt(RECEIVED)
                .setEmittedAt(RECEIVED.plusMillis(5))
                .build();
    }

    @Test
    void binaryModeIsWhatTheSdkReadsWithEveryAttribute() {
        Headers headers = new RecordHeaders();
        byte[] value =
                writer.write("t", headers, bundle("c1"), "h1", BundleFormat.CLOUDEVENTS_BINARY);

        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo(OUTPUT);
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        CloudEvent event = new CloudEventDeserializer().deserialize("t", headers, value);
        assertAttributes(event, "c1", true);
        assertThat(event.getExtension("itemindex")).isEqualTo("0");
    }

    @Test
    void structuredModeIsWhatTheSdkJsonFormatReads() {
        Headers headers = new RecordHeaders();
        byte[] value =
                writer.write("t", headers, bundle("c1"), "h1", BundleFormat.CLOUDEVENTS_STRUCTURED);

        assertThat(header(headers, "content-type"))
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(headers.lastHeader("ce_specversion")).isNull();
        CloudEvent event = new JsonFormat().deserialize(value);
        assertAttributes(event, "c1", false);
        assertThat(event.getExtension("itemindex")).isEqualTo(0);
    }

    @Test
    void ourJsonFormatReadsWhatTheSdkWrites() {
        Headers headers = new RecordHeaders();
        CloudEvent theirs =
                new JsonFormat()
                        .deserialize(
                                writer.write(
                                        "t",
                                        headers,
                                        bundle("c1"),
                                        "h1",
                                        BundleFormat.CLOUDEVENTS_STRUCTURED));
        byte[] sdkBytes = new JsonFormat().serialize(theirs);

        CloudEvent ours = new JsonEventFormat().deserialize(sdkBytes);

        assertAttributes(ours, "c1", false);
        // read by our format from our bytes, every digit stays
        assertAttributes(
                new JsonEventFormat()
                        .deserialize(
                                writer.write(
                                        "t",
                                        new RecordHeaders(),
                                        bundle("c1"),
                                        "h1",
                                        BundleFormat.CLOUDEVENTS_STRUCTURED)),
                "c1",
                true);
    }

    @ParameterizedTest
    @EnumSource(BundleFormat.class)
    void everyFormatReadsBackToTheSameBundle(BundleFormat format) {
        for (String connection : new String[] {"c1", null}) {
            Headers headers = new RecordHeaders();
            byte[] value = writer.write("t", headers, bundle(connection), "h1", format);

            Bundle read = new BundleReader().deserialize("t", headers, value);

            assertThat(read)
                    .isEqualTo(
                            new Bundle(
                                    "ev1:0:h1",
                                    "ev1",
                                    0,
                                    "h1",
                                    "shop",
                                    "order events",
                                    "alice",
                                    connection,
                                    OUTPUT,
                                    RECEIVED,
                                    format));
        }
    }

    @Test
    void inheritedAttributeHeadersAreReplaced() {
        Headers headers = new RecordHeaders();
        headers.add("ce_id", "forged".getBytes(StandardCharsets.UTF_8));
        headers.add("Content-Type", "text/plain".getBytes(StandardCharsets.UTF_8));
        headers.add("x-trace", "kept".getBytes(StandardCharsets.UTF_8));

        writer.write("t", headers, bundle(null), "h1", BundleFormat.CLOUDEVENTS_BINARY);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(header(headers, "ce_id")).isEqualTo("ev1:0:h1");
        assertThat(headers.headers("Content-Type")).isEmpty();
        assertThat(header(headers, "x-trace")).isEqualTo("kept");
        assertThat(headers.lastHeader("ce_connectionid")).isNull();
    }

    @Test
    void anUnmatchedItemIsAnEventOfItsOwnType() {
        Headers headers = new RecordHeaders();
        UnmatchedItem item =
                UnmatchedItem.newBuilder()
                        .setEventId("ev2")
                        .setItemIndex(3)
                        .setAppId("shop")
                        .setWebhookName("feed")
                        .setUid("42")
                        .setOutput("{\"a\":1}")
                        .setReceivedAt(RECEIVED)
                        .build();
        byte[] value = writer.write("u", headers, item, "shop:42", BundleFormat.CLOUDEVENTS_BINARY);

        CloudEvent event = new CloudEventDeserializer().deserialize("u", headers, value);
        assertThat(event.getType()).isEqualTo("io.hookstream.unmatched");
        assertThat(event.getId()).isEqualTo("ev2:3:unmatched");
        assertThat(event.getSubject()).isEqualTo("42");
        assertThat(event.getExtension("partitionkey")).isEqualTo("shop:42");
        // an unmatched item is not a bundle: a reader of trigger topics says so
        assertThatThrownBy(() -> new BundleReader().deserialize("u", headers, value))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void garbageIsASerializationErrorInEveryFormat() {
        byte[] garbage = "{\"specversion\":\"1.0\",".getBytes(StandardCharsets.UTF_8);
        Headers structured = new RecordHeaders();
        structured.add("content-type", BundleWriter.STRUCTURED_CONTENT_TYPE.getBytes());
        Headers binary = new RecordHeaders();
        binary.add("ce_specversion", "1.0".getBytes());

        for (Headers headers : new Headers[] {new RecordHeaders(), structured, binary}) {
            assertThatThrownBy(() -> new BundleReader().deserialize("t", headers, garbage))
                    .isInstanceOf(SerializationException.class);
        }
    }

    /**
     * @param exactData false where the SDK's Jackson 2 format read the data: it reads JSON numbers
     *     into doubles, so only the value a double holds can be compared
     */
    private static void assertAttributes(CloudEvent event, String connectionId, boolean exactData) {
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo("ev1:0:h1");
        assertThat(event.getSource()).isEqualTo(URI.create("/apps/shop/webhooks/order%20events"));
        assertThat(event.getType()).isEqualTo("io.hookstream.bundle");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(RECEIVED, ZoneOffset.UTC));
        assertThat(event.getSubject()).isEqualTo("h1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("userid")).isEqualTo("alice");
        assertThat(event.getExtension("hookid")).isEqualTo("h1");
        assertThat(event.getExtension("eventid")).isEqualTo("ev1");
        assertThat(event.getExtension("connectionid")).isEqualTo(connectionId);
        assertThat(event.getExtension("appid")).isEqualTo("shop");
        assertThat(event.getExtension("webhook")).isEqualTo("order events");
        assertThat(event.getExtension("partitionkey")).isEqualTo("h1");
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        if (exactData) {
            assertThat(data).isEqualTo(OUTPUT);
        } else {
            com.fasterxml.jackson.databind.ObjectMapper doubles =
                    new com.fasterxml.jackson.databind.ObjectMapper();
            try {
                assertThat(doubles.readValue(data, java.util.Map.class))
                        .isEqualTo(doubles.readValue(OUTPUT, java.util.Map.class));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
