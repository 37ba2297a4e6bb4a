package io.hookstream.schemas.bundle;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record of the unmatched-items topic in any {@link BundleFormat}, told apart by its
 * headers as {@link BundleReader} does.
 */
public final class UnmatchedReader implements Deserializer<UnmatchedItem> {

    private final AvroSerde<UnmatchedItem> avro = AvroSerde.of(UnmatchedItem.class);
    private final CloudEventDeserializer binary = new CloudEventDeserializer();
    private final JsonEventFormat json = new JsonEventFormat();

    @Override
    public @Nullable UnmatchedItem deserialize(String topic, byte @Nullable [] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    @Override
    public @Nullable UnmatchedItem deserialize(
            String topic, Headers headers, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        BundleFormat format = BundleReader.formatOf(headers);
        try {
            return switch (format) {
                case AVRO -> avro.deserializer().deserialize(topic, data);
                case CLOUDEVENTS_BINARY -> item(binary.deserialize(topic, headers, data));
                case CLOUDEVENTS_STRUCTURED -> item(json.deserialize(data));
            };
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "not a " + format + " unmatched item: " + e.getMessage(), e);
        }
    }

    private static UnmatchedItem item(CloudEvent event) {
        if (!BundleEvents.UNMATCHED_TYPE.equals(event.getType()) || event.getTime() == null) {
            throw new IllegalArgumentException(
                    "type " + event.getType() + " is not an unmatched item");
        }
        CloudEventData data = event.getData();
        return UnmatchedItem.newBuilder()
                .setEventId(required(event, BundleEvents.EVENT_ID))
                .setItemIndex(Integer.parseInt(required(event, BundleEvents.ITEM_INDEX)))
                .setAppId(required(event, BundleEvents.APP_ID))
                .setWebhookName(required(event, BundleEvents.WEBHOOK))
                .setUid(BundleEvents.text(event, BundleEvents.UID))
                .setOutput(
                        data == null ? "null" : new String(data.toBytes(), StandardCharsets.UTF_8))
                .setReceivedAt(event.getTime().toInstant())
                .build();
    }

    private static String required(CloudEvent event, String extension) {
        String value = BundleEvents.text(event, extension);
        if (value == null) {
            throw new IllegalArgumentException("an unmatched item has the extension " + extension);
        }
        return value;
    }
}
