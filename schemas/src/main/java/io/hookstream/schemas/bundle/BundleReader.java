package io.hookstream.schemas.bundle;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trigger-topic record in any {@link BundleFormat}, told apart by its headers: {@code
 * ce_specversion} is binary mode, a {@code content-type} of {@code application/cloudevents+json} is
 * structured mode, anything else is single-object Avro. A topic that changed format (see
 * docs/consumers.md) thus reads from its first record to its last. A record that is none of them
 * fails with a {@link SerializationException}, which a consumer reports as the record's offset.
 */
public final class BundleReader implements Deserializer<Bundle> {

    private final AvroSerde<TriggerBundle> avro = AvroSerde.of(TriggerBundle.class);
    private final CloudEventDeserializer binary = new CloudEventDeserializer();
    private final JsonEventFormat json = new JsonEventFormat();

    @Override
    public @Nullable Bundle deserialize(String topic, byte @Nullable [] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    @Override
    public @Nullable Bundle deserialize(String topic, Headers headers, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        BundleFormat format = formatOf(headers);
        try {
            return switch (format) {
                case AVRO -> Bundle.fromAvro(avro.deserializer().deserialize(topic, data));
                case CLOUDEVENTS_BINARY -> bundle(binary.deserialize(topic, headers, data), format);
                case CLOUDEVENTS_STRUCTURED -> bundle(json.deserialize(data), format);
            };
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "not a " + format + " trigger bundle: " + e.getMessage(), e);
        }
    }

    /** The format a record was written in, from its headers alone. */
    public static BundleFormat formatOf(Headers headers) {
        if (headers.lastHeader(BundleWriter.ATTRIBUTE_PREFIX + "specversion") != null) {
            return BundleFormat.CLOUDEVENTS_BINARY;
        }
        Header contentType = headers.lastHeader(BundleWriter.CONTENT_TYPE_HEADER);
        if (contentType != null
                && new String(contentType.value(), StandardCharsets.UTF_8)
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .startsWith(JsonEventFormat.CONTENT_TYPE)) {
            return BundleFormat.CLOUDEVENTS_STRUCTURED;
        }
        return BundleFormat.AVRO;
    }

    private static Bundle bundle(CloudEvent event, BundleFormat format) {
        // a bundle's type may be its webhook's own; an unmatched item is never one
        if (BundleEvents.UNMATCHED_TYPE.equals(event.getType())) {
            throw new IllegalArgumentException("an unmatched item is not a bundle");
        }
        String index = required(event, BundleEvents.ITEM_INDEX);
        CloudEventData data = event.getData();
        if (event.getTime() == null) {
            throw new IllegalArgumentException("a bundle has a time");
        }
        Instant receivedAt = event.getTime().toInstant();
        return new Bundle(
                event.getId(),
                required(event, BundleEvents.EVENT_ID),
                Integer.parseInt(index),
                required(event, BundleEvents.HOOK_ID),
                required(event, BundleEvents.APP_ID),
                required(event, BundleEvents.WEBHOOK),
                required(event, BundleEvents.USER_ID),
                BundleEvents.text(event, BundleEvents.CONNECTION_ID),
                data == null ? "null" : new String(data.toBytes(), StandardCharsets.UTF_8),
                receivedAt,
                format);
    }

    private static String required(CloudEvent event, String extension) {
        String value = BundleEvents.text(event, extension);
        if (value == null) {
            throw new IllegalArgumentException("a bundle has the extension " + extension);
        }
        return value;
    }
}
