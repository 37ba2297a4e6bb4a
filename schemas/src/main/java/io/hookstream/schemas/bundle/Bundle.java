package io.hookstream.schemas.bundle;

import io.hookstream.schemas.avro.TriggerBundle;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A trigger bundle as read from a trigger topic, whichever format it was written in: what every
 * format carries.
 *
 * @param bundleId {@code <eventId>:<itemIndex>:<hookId>}, the CloudEvent id
 * @param output the output JSON exactly as written (the CloudEvent data)
 * @param receivedAt when the ingress accepted the webhook (the CloudEvent time)
 * @param format the format the record was written in
 */
public record Bundle(
        String bundleId,
        String eventId,
        int itemIndex,
        String hookId,
        String appId,
        String webhookName,
        String userId,
        @Nullable String connectionId,
        String output,
        Instant receivedAt,
        BundleFormat format) {

    /** A bundle read from its Avro record. */
    public static Bundle fromAvro(TriggerBundle b) {
        return new Bundle(
                b.getBundleId(),
                b.getEventId(),
                b.getItemIndex(),
                b.getHookId(),
                b.getAppId(),
                b.getWebhookName(),
                b.getUserId(),
                b.getConnectionId(),
                b.getOutput(),
                b.getReceivedAt(),
                BundleFormat.AVRO);
    }
}
