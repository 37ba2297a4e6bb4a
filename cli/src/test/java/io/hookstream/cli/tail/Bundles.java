package io.hookstream.cli.tail;

import io.hookstream.schemas.avro.TriggerBundle;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Trigger bundles as the router writes them. */
final class Bundles {

    static final Instant RECEIVED_AT = Instant.parse("2026-03-01T12:30:45.123Z");

    private Bundles() {}

    static TriggerBundle bundle(
            String eventId,
            int itemIndex,
            String hookId,
            String userId,
            @Nullable String connectionId,
            String output) {
        return TriggerBundle.newBuilder()
                .setBundleId(eventId + ":" + itemIndex + ":" + hookId)
                .setEventId(eventId)
                .setItemIndex(itemIndex)
                .setHookId(hookId)
                .setAppId("shop")
                .setWebhookName("orders")
                .setUserId(userId)
                .setConnectionId(connectionId)
                .setOutput(output)
                .setReceivedAt(RECEIVED_AT)
                .setEmittedAt(RECEIVED_AT.plusMillis(7))
                .build();
    }

    /** {@link #bundle} as read back from a trigger topic. */
    static io.hookstream.schemas.bundle.Bundle decoded(
            String eventId,
            int itemIndex,
            String hookId,
            String userId,
            @Nullable String connectionId,
            String output) {
        return io.hookstream.schemas.bundle.Bundle.fromAvro(
                bundle(eventId, itemIndex, hookId, userId, connectionId, output));
    }

    /** The line {@code hookstream tail} prints for a bundle made by {@link #bundle}. */
    static String line(
            String eventId,
            int itemIndex,
            String hookId,
            String userId,
            @Nullable String connectionId,
            String outputJson) {
        return "{\"bundleId\":\""
                + eventId
                + ":"
                + itemIndex
                + ":"
                + hookId
                + "\""
                + ",\"eventId\":\""
                + eventId
                + "\""
                + ",\"itemIndex\":"
                + itemIndex
                + ",\"hookId\":\""
                + hookId
                + "\""
                + ",\"appId\":\"shop\""
                + ",\"webhookName\":\"orders\""
                + ",\"userId\":\""
                + userId
                + "\""
                + ",\"connectionId\":"
                + (connectionId == null ? "null" : "\"" + connectionId + "\"")
                + ",\"receivedAt\":\"2026-03-01T12:30:45.123Z\""
                + ",\"output\":"
                + outputJson
                + "}";
    }
}
