package io.hookstream.schemas.bundle;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvent of a bundle or an unmatched item: which attribute holds what (the table in
 * docs/consumers.md). Attribute and extension names are the contract with consumers; they change
 * only by adding.
 */
public final class BundleEvents {

    /** {@code type} of a bundle whose webhook defines none. */
    public static final String BUNDLE_TYPE = "io.hookstream.bundle";

    /** {@code type} of an item of a shared webhook that no connection subscribed to. */
    public static final String UNMATCHED_TYPE = "io.hookstream.unmatched";

    /** The content type of {@code data}: the output exactly as the output directive made it. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    // extension names: lower-case letters and digits only, as CloudEvents 1.0 requires
    public static final String USER_ID = "userid";
    public static final String HOOK_ID = "hookid";
    public static final String EVENT_ID = "eventid";
    public static final String ITEM_INDEX = "itemindex";
    public static final String CONNECTION_ID = "connectionid";
    public static final String APP_ID = "appid";
    public static final String WEBHOOK = "webhook";
    public static final String UID = "uid";

    /** The partitioning extension: the record key, as the Kafka binding maps it. */
    public static final String PARTITION_KEY = "partitionkey";

    private BundleEvents() {}

    /**
     * @param key the key the record is written with (hookId, or userId on the shared topic)
     */
    public static CloudEvent of(TriggerBundle bundle, String key) {
        return of(bundle, key, null);
    }

    /**
     * @param eventType the {@code type} the webhook defines ({@code eventType} in its definition);
     *     {@code null} for {@link #BUNDLE_TYPE}
     */
    public static CloudEvent of(TriggerBundle bundle, String key, @Nullable String eventType) {
        CloudEventBuilder event =
                CloudEventBuilder.v1()
                        .withId(bundle.getBundleId())
                        .withSource(source(bundle.getAppId(), bundle.getWebhookName()))
                        .withType(eventType == null ? BUNDLE_TYPE : eventType)
                        .withTime(utc(bundle.getReceivedAt()))
                        .withSubject(bundle.getHookId())
                        .withDataContentType(DATA_CONTENT_TYPE)
                        .withData(bundle.getOutput().getBytes(StandardCharsets.UTF_8))
                        .withExtension(USER_ID, bundle.getUserId())
                        .withExtension(HOOK_ID, bundle.getHookId())
                        .withExtension(EVENT_ID, bundle.getEventId())
                        .withExtension(ITEM_INDEX, bundle.getItemIndex())
                        .withExtension(APP_ID, bundle.getAppId())
                        .withExtension(WEBHOOK, bundle.getWebhookName())
                        .withExtension(PARTITION_KEY, key);
        if (bundle.getConnectionId() != null) {
            event.withExtension(CONNECTION_ID, bundle.getConnectionId());
        }
        return event.build();
    }

    /**
     * An unmatched item; its id {@code <eventId>:<itemIndex>:unmatched} is as stable as a bundle's.
     */
    public static CloudEvent of(UnmatchedItem item, String key) {
        CloudEventBuilder event =
                CloudEventBuilder.v1()
                        .withId(item.getEventId() + ":" + item.getItemIndex() + ":unmatched")
                        .withSource(source(item.getAppId(), item.getWebhookName()))
                        .withType(UNMATCHED_TYPE)
                        .withTime(utc(item.getReceivedAt()))
                        .withDataContentType(DATA_CONTENT_TYPE)
                        .withData(item.getOutput().getBytes(StandardCharsets.UTF_8))
                        .withExtension(EVENT_ID, item.getEventId())
                        .withExtension(ITEM_INDEX, item.getItemIndex())
                        .withExtension(APP_ID, item.getAppId())
                        .withExtension(WEBHOOK, item.getWebhookName())
                        .withExtension(PARTITION_KEY, key);
        if (item.getUid() != null) {
            event.withSubject(item.getUid()).withExtension(UID, item.getUid());
        }
        return event.build();
    }

    /**
     * {@code /apps/<appId>/webhooks/<name>}, each segment percent-encoded: a URI reference naming
     * the webhook that received the event.
     */
    public static URI source(String appId, String webhookName) {
        return URI.create("/apps/" + segment(appId) + "/webhooks/" + segment(webhookName));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An extension as text, whichever type it arrived with (binary mode carries only text). */
    static @Nullable String text(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
