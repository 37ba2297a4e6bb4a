package io.hookstream.schemas.bundle;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Writes bundles and unmatched items in a {@link BundleFormat}: the value it returns and, for
 * CloudEvents, the headers it sets. Binary mode goes through the SDK's Kafka serializer, so the
 * {@code ce_} headers are exactly the binding's; structured mode is the JSON event format with the
 * binding's content type. Thread-safe.
 */
public final class BundleWriter {

    /** The {@code content-type} header of structured mode, as the Kafka binding writes it. */
    public static final String STRUCTURED_CONTENT_TYPE =
            JsonEventFormat.CONTENT_TYPE + "; charset=UTF-8";

    static final String CONTENT_TYPE_HEADER = "content-type";
    static final String ATTRIBUTE_PREFIX = "ce_";

    private final AvroSerde<TriggerBundle> bundles = AvroSerde.of(TriggerBundle.class);
    private final AvroSerde<UnmatchedItem> items = AvroSerde.of(UnmatchedItem.class);
    private final CloudEventSerializer binary = new CloudEventSerializer();
    private final JsonEventFormat json = new JsonEventFormat();

    public BundleWriter() {
        binary.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
    }

    /**
     * @param key the record's key, which the CloudEvent also carries as {@code partitionkey}
     * @param headers the record's headers: CloudEvents attributes are set there, replacing any of
     *     the same name the record inherited
     */
    public byte[] write(
            String topic, Headers headers, TriggerBundle bundle, String key, BundleFormat format) {
        return write(topic, headers, bundle, key, format, null);
    }

    /**
     * As {@link #write(String, Headers, TriggerBundle, String, BundleFormat)}, with the CloudEvents
     * {@code type} the webhook defines ({@code null}: {@link BundleEvents#BUNDLE_TYPE}); Avro has
     * no place for it.
     */
    public byte[] write(
            String topic,
            Headers headers,
            TriggerBundle bundle,
            String key,
            BundleFormat format,
            @Nullable String eventType) {
        return switch (format) {
            case AVRO -> bundles.serializer().serialize(topic, bundle);
            case CLOUDEVENTS_BINARY, CLOUDEVENTS_STRUCTURED ->
                    cloudEvent(topic, headers, BundleEvents.of(bundle, key, eventType), format);
        };
    }

    /** As {@link #write(String, Headers, TriggerBundle, String, BundleFormat)}, for an item. */
    public byte[] write(
            String topic, Headers headers, UnmatchedItem item, String key, BundleFormat format) {
        return switch (format) {
            case AVRO -> items.serializer().serialize(topic, item);
            case CLOUDEVENTS_BINARY, CLOUDEVENTS_STRUCTURED ->
                    cloudEvent(topic, headers, BundleEvents.of(item, key), format);
        };
    }

    private byte[] cloudEvent(
            String topic, Headers headers, CloudEvent event, BundleFormat format) {
        clearCloudEventHeaders(headers);
        if (format == BundleFormat.CLOUDEVENTS_BINARY) {
            return binary.serialize(topic, headers, event);
        }
        headers.add(CONTENT_TYPE_HEADER, STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return json.serialize(event);
    }

    /**
     * A record inherits the headers of the one it was made from; none of them may pass for an
     * attribute of this event.
     */
    private static void clearCloudEventHeaders(Headers headers) {
        boolean found = false;
        for (Header h : headers) {
            if (isCloudEventHeader(h.key())) {
                found = true;
                break;
            }
        }
        if (!found) {
            return;
        }
        for (Header h : headers.toArray()) {
            if (isCloudEventHeader(h.key())) {
                headers.remove(h.key());
            }
        }
    }

    private static boolean isCloudEventHeader(String key) {
        return key.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length())
                || key.equalsIgnoreCase(CONTENT_TYPE_HEADER);
    }
}
