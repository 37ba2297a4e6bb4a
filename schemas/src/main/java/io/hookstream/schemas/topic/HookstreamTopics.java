package io.hookstream.schemas.topic;

import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.bundle.UnmatchedReader;
import io.hookstream.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every Hookstream topic as a typed {@link Topic}, for one configuration of {@link TopicNames}. */
public final class HookstreamTopics {

    private final TopicNames names;
    private final Serde<String> keys = Serdes.String();
    private final Topic<String, App> apps;
    private final Topic<String, Hook> hooks;
    private final Topic<String, Connection> connections;
    private final Topic<String, RawWebhookEvent> eventsRaw;
    private final Topic<String, RawWebhookEvent> eventsReplay;
    private final Topic<String, DeadLetter> eventsDlq;
    private final Topic<String, UnmatchedItem> eventsUnmatched;
    private final Topic<String, RequestRecord> requests;
    private final Topic<String, EventOutcome> eventsOutcomes;
    private final AvroSerde<TriggerBundle> bundles = AvroSerde.of(TriggerBundle.class);

    public HookstreamTopics(TopicNames names) {
        this.names = names;
        AvroSerde<RawWebhookEvent> raw = AvroSerde.of(RawWebhookEvent.class);
        this.apps = new Topic<>(names.apps(), keys, AvroSerde.of(App.class));
        this.hooks = new Topic<>(names.hooks(), keys, AvroSerde.of(Hook.class));
        this.connections = new Topic<>(names.connections(), keys, AvroSerde.of(Connection.class));
        this.eventsRaw = new Topic<>(names.eventsRaw(), keys, raw);
        this.eventsReplay = new Topic<>(names.eventsReplay(), keys, raw);
        this.eventsDlq = new Topic<>(names.eventsDlq(), keys, AvroSerde.of(DeadLetter.class));
        this.requests = new Topic<>(names.requests(), keys, AvroSerde.of(RequestRecord.class));
        this.eventsOutcomes =
                new Topic<>(names.eventsOutcomes(), keys, AvroSerde.of(EventOutcome.class));
        // written by the router in its configured format; read here in whichever it was written
        this.eventsUnmatched =
                new Topic<>(
                        names.eventsUnmatched(),
                        keys,
                        Serdes.serdeFrom(
                                AvroSerde.of(UnmatchedItem.class).serializer(),
                                new UnmatchedReader()));
    }

    public static HookstreamTopics defaults() {
        return new HookstreamTopics(TopicNames.defaults());
    }

    public TopicNames names() {
        return names;
    }

    public Topic<String, App> apps() {
        return apps;
    }

    public Topic<String, Hook> hooks() {
        return hooks;
    }

    public Topic<String, Connection> connections() {
        return connections;
    }

    public Topic<String, RawWebhookEvent> eventsRaw() {
        return eventsRaw;
    }

    public Topic<String, RawWebhookEvent> eventsReplay() {
        return eventsReplay;
    }

    public Topic<String, DeadLetter> eventsDlq() {
        return eventsDlq;
    }

    public Topic<String, UnmatchedItem> eventsUnmatched() {
        return eventsUnmatched;
    }

    /**
     * The request log: requests the ingress answered without accepting an event, keyed by {@link
     * #activityKey}.
     */
    public Topic<String, RequestRecord> requests() {
        return requests;
    }

    /** What the router did with each event, keyed by {@link #activityKey}. */
    public Topic<String, EventOutcome> eventsOutcomes() {
        return eventsOutcomes;
    }

    /**
     * The key of a hook's activity (request log, event outcomes): the hookId of a dedicated
     * webhook, {@code appId/webhookName} of a shared one (hook ids never hold a '/').
     */
    public static String activityKey(
            @org.jspecify.annotations.Nullable String hookId, String appId, String webhookName) {
        return hookId != null ? hookId : appId + "/" + webhookName;
    }

    /**
     * The Avro serde of trigger bundles, one of the formats of trigger topics; {@link
     * io.hookstream.schemas.bundle.BundleReader} reads all of them.
     */
    public Serde<TriggerBundle> triggerBundleSerde() {
        return bundles;
    }

    /**
     * A trigger topic: per-user ({@code triggerPrefix + userId}) or the shared one; keyed by hookId
     * or userId.
     */
    public Topic<String, TriggerBundle> triggers(String topicName) {
        return new Topic<>(topicName, keys, bundles);
    }
}
