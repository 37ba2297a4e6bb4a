package io.hookstream.router.routing;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.router.format.BundleFormats;
import io.hookstream.router.outcomes.EventOutcomes;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.BoundHook;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.SubscriberSet;
import io.hookstream.schemas.avro.Subscription;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.apps.HookScopes;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.support.secrets.SealedDataException;
import io.hookstream.webhook.pipeline.DedupeOutcome;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.pipeline.Item;
import io.hookstream.webhook.pipeline.ProcessingOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.WebhookDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the directives that follow the edge (condition, iterate, output, uid) on one raw event and
 * says where each result goes. Never throws: whatever cannot be processed becomes a dead letter
 * with the reason, so that the stream never stops on one bad event and nothing is dropped silently.
 */
public final class EventRouter {

    /** Dedicated hooks whose scope is kept between events; beyond this the cache starts again. */
    private static final int CACHED_HOOKS = 10_000;

    private final AppCatalog catalog;
    private final WebhookProcessor processor;
    private final HookScopes scopes = new HookScopes();
    private final DedicatedScopes dedicatedScopes;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final DataSealer sealer;
    private final String sharedTriggerTopic;
    private final Counter filtered;
    private final Counter emitted;
    private final Counter failed;
    private final Counter duplicate;
    private final Counter unmatched;
    private final BundleFormats formats;
    private final EventOutcomes outcomes;

    /** A router writing the default formats (see {@link BundleFormats#defaults()}). */
    public EventRouter(
            AppCatalog catalog,
            WebhookProcessor processor,
            DataSealer sealer,
            TopicNames topicNames,
            Clock clock,
            MeterRegistry meters) {
        this(catalog, processor, sealer, topicNames, clock, meters, BundleFormats.defaults());
    }

    public EventRouter(
            AppCatalog catalog,
            WebhookProcessor processor,
            DataSealer sealer,
            TopicNames topicNames,
            Clock clock,
            MeterRegistry meters,
            BundleFormats formats) {
        this(catalog, processor, sealer, topicNames, clock, meters, formats, true);
    }

    /**
     * @param recordOutcomes whether each event's outcome is written for the activity view
     */
    public EventRouter(
            AppCatalog catalog,
            WebhookProcessor processor,
            DataSealer sealer,
            TopicNames topicNames,
            Clock clock,
            MeterRegistry meters,
            BundleFormats formats,
            boolean recordOutcomes) {
        this.formats = formats;
        this.catalog = catalog;
        this.dedicatedScopes =
                new DedicatedScopes(CACHED_HOOKS, this::connectionData, scopes::forHook);
        this.sealer = sealer;
        this.sharedTriggerTopic = topicNames.triggersShared();
        this.processor = processor;
        this.clock = clock;
        this.filtered = meters.counter("hookstream.router.events", "outcome", "filtered");
        this.emitted = meters.counter("hookstream.router.bundles", "outcome", "emitted");
        this.failed = meters.counter("hookstream.router.events", "outcome", "failed");
        this.duplicate = meters.counter("hookstream.router.events", "outcome", "duplicate");
        this.unmatched = meters.counter("hookstream.router.items", "outcome", "unmatched");
        this.outcomes = new EventOutcomes(catalog, clock, recordOutcomes);
    }

    /** The records of what this router did with each event, read from the same compiled apps. */
    public EventOutcomes outcomes() {
        return outcomes;
    }

    /**
     * A dedicated-webhook event, joined with its hook, the hook as bound to its connection, and the
     * hook's app (any may be missing); a {@link Routed.Duplicate} when {@code seen} already holds
     * its dedupe key for the hook.
     */
    public List<Routed> routeDedicated(
            RawWebhookEvent event,
            @Nullable Hook hook,
            @Nullable BoundHook bound,
            @Nullable App app,
            String sourceTopic,
            SeenKeys seen) {
        try {
            if (hook == null) {
                throw new Undeliverable(
                        null, "no hook " + event.getHookId() + " is known to the router");
            }
            AppCatalog.Compiled.Loaded compiled =
                    loaded(app, hook.getAppId(), " of hook " + hook.getHookId());
            WebhookDefinition webhook = webhookOf(compiled.definition(), hook.getWebhookName());
            DedicatedScopes.Prepared prepared = prepare(hook, bound, compiled.appScope());
            String activity =
                    HookstreamTopics.activityKey(
                            hook.getHookId(), hook.getAppId(), hook.getWebhookName());
            DedupeKey dedupe = dedupeKey(webhook, prepared.scope(), event, activity);
            if (repeated(dedupe, event, seen)) {
                return List.of(new Routed.Duplicate(activity));
            }
            List<Item> items = items(webhook, prepared.scope(), event);
            List<String> secrets = prepared.secrets();
            List<Routed> routed = new ArrayList<>(items.size());
            long now = clock.millis();
            for (Item item : items) {
                String output = item.outputJson();
                if (ConnectionSecrets.exposedIn(output, secrets)) {
                    // directives may read connection data (condition, iterate); it never leaves in
                    // a bundle
                    throw new Undeliverable(
                            "CONNECTION_DATA_IN_OUTPUT",
                            "the output of webhook "
                                    + hook.getWebhookName()
                                    + " contains data of connection "
                                    + hook.getConnectionId()
                                    + ", which never leaves in a bundle");
                }
                TriggerBundle bundle =
                        TriggerBundle.newBuilder()
                                .setBundleId(
                                        bundleId(
                                                event.getEventId(), item.index(), hook.getHookId()))
                                .setEventId(event.getEventId())
                                .setItemIndex(item.index())
                                .setHookId(hook.getHookId())
                                .setAppId(hook.getAppId())
                                .setWebhookName(hook.getWebhookName())
                                .setUserId(hook.getUserId())
                                .setConnectionId(hook.getConnectionId())
                                .setOutput(output)
                                .setReceivedAt(event.getReceivedAt())
                                .setEmittedAt(java.time.Instant.ofEpochMilli(now))
                                .build();
                routed.add(
                        new Routed.Bundle(
                                hook.getTriggerTopic(),
                                bundleKey(
                                        hook.getTriggerTopic(), hook.getHookId(), hook.getUserId()),
                                bundle,
                                formats.forHook(hook.getBundleFormat()),
                                webhook.eventType()));
            }
            remember(dedupe, event, seen);
            emitted.increment(routed.size());
            return routed;
        } catch (Undeliverable u) {
            return dead(event, sourceTopic, u);
        }
    }

    /**
     * First half of shared routing: a shared-webhook event becomes its items, each keyed by {@code
     * appId:uid} so that it can be joined with the subscription index. Items without a uid cannot
     * belong to anyone and go straight to the unmatched topic. A {@link Routed.Duplicate} when
     * {@code seen} already holds its dedupe key for the app webhook.
     */
    public List<Routed> expandShared(
            RawWebhookEvent event, @Nullable App app, String sourceTopic, SeenKeys seen) {
        try {
            AppCatalog.Compiled.Loaded compiled = loaded(app, event.getAppId(), "");
            WebhookDefinition webhook = webhookOf(compiled.definition(), event.getWebhookName());
            String activity =
                    HookstreamTopics.activityKey(null, event.getAppId(), event.getWebhookName());
            DedupeKey dedupe = dedupeKey(webhook, compiled.appScope(), event, activity);
            if (repeated(dedupe, event, seen)) {
                return List.of(new Routed.Duplicate(activity));
            }
            List<Item> items = items(webhook, compiled.appScope(), event);
            List<Routed> routed = new ArrayList<>(items.size());
            for (Item item : items) {
                String uid = item.uid() == null || item.uid().isEmpty() ? null : item.uid();
                UnmatchedItem shared =
                        UnmatchedItem.newBuilder()
                                .setEventId(event.getEventId())
                                .setItemIndex(item.index())
                                .setAppId(event.getAppId())
                                .setWebhookName(event.getWebhookName())
                                .setUid(uid)
                                .setOutput(item.outputJson())
                                .setReceivedAt(event.getReceivedAt())
                                .setEventType(webhook.eventType())
                                .build();
                String key = subscriptionKey(event.getAppId(), uid == null ? "" : uid);
                if (uid == null) {
                    unmatched.increment();
                    routed.add(new Routed.Unmatched(key, shared, formats.unmatched()));
                } else {
                    routed.add(new Routed.SharedItem(key, shared));
                }
            }
            remember(dedupe, event, seen);
            return routed;
        } catch (Undeliverable u) {
            return dead(event, sourceTopic, u);
        }
    }

    /**
     * Why an event becomes a dead letter; raised while preparing it, turned into the letter by the
     * entry points.
     */
    private static final class Undeliverable extends Exception {
        private final @Nullable String directivePath;
        private final @Nullable String code;
        // kept apart from the message, which Throwable lets be null
        private final String reason;

        Undeliverable(@Nullable String code, String reason) {
            this(null, code, reason);
        }

        Undeliverable(@Nullable String directivePath, @Nullable String code, String reason) {
            super(
                    reason, null, false,
                    false); // a routing verdict, not a fault: no stack trace to fill
            this.directivePath = directivePath;
            this.code = code;
            this.reason = reason;
        }
    }

    /** The app compiled, with a definition and an app scope. */
    private AppCatalog.Compiled.Loaded loaded(@Nullable App app, String appId, String context)
            throws Undeliverable {
        if (app == null) {
            throw new Undeliverable(null, "app " + appId + context + " does not exist");
        }
        AppCatalog.Compiled compiled = catalog.compiled(app);
        if (compiled instanceof AppCatalog.Compiled.Unloadable unloadable) {
            throw new Undeliverable(null, "app " + appId + " does not load: " + unloadable.error());
        }
        return (AppCatalog.Compiled.Loaded) compiled;
    }

    private static WebhookDefinition webhookOf(AppDefinition definition, String webhookName)
            throws Undeliverable {
        WebhookDefinition webhook = definition.webhooks().get(webhookName);
        if (webhook == null) {
            throw new Undeliverable(
                    null,
                    "webhook " + webhookName + " no longer exists in app " + definition.appId());
        }
        return webhook;
    }

    /** The hook's scope with its connection data opened, from the cache while neither changed. */
    private DedicatedScopes.Prepared prepare(
            Hook hook, @Nullable BoundHook bound, HookScope appScope) throws Undeliverable {
        Connection connection = null;
        if (hook.getConnectionId() != null) {
            connection =
                    bound == null
                                    || bound.getConnection() == null
                                    || !hook.getConnectionId()
                                            .equals(bound.getConnection().getConnectionId())
                            ? null
                            : bound.getConnection();
            if (connection == null) {
                // evaluating without the connection would give wrong bundles; redrive once the
                // router knows it
                throw new Undeliverable(
                        "CONNECTION_PENDING",
                        "connection "
                                + hook.getConnectionId()
                                + " of hook "
                                + hook.getHookId()
                                + " is not known to the router yet");
            }
        }
        try {
            return dedicatedScopes.of(hook, connection, appScope);
        } catch (SealedDataException | JacksonException e) {
            throw new Undeliverable(
                    "CONNECTION",
                    "data of connection "
                            + hook.getConnectionId()
                            + " cannot be read: "
                            + e.getMessage());
        }
    }

    /** An event's dedupe key as kept in the store, and how long it is kept. */
    private record DedupeKey(String storeKey, Duration window) {}

    /**
     * The event's dedupe key within {@code activity}; none without a {@code dedupe} directive or
     * with an empty key. Evaluated before the other directives, so that a repeat costs only its
     * key.
     */
    private @Nullable DedupeKey dedupeKey(
            WebhookDefinition webhook, HookScope scope, RawWebhookEvent event, String activity)
            throws Undeliverable {
        DedupeOutcome outcome;
        try {
            outcome = processor.dedupe(webhook.spec(), scope, RawRequests.toRequest(event));
        } catch (RuntimeException e) {
            // as for items: the processor promises not to throw, and the event still must not be
            // lost
            throw new Undeliverable("INTERNAL", "dedupe failed: " + e);
        }
        if (outcome instanceof DedupeOutcome.Failed f) {
            throw new Undeliverable(f.directivePath(), f.code(), f.message());
        }
        return outcome instanceof DedupeOutcome.Key k
                ? new DedupeKey(DedupeKeys.storeKey(activity, k.key()), k.window())
                : null;
    }

    /**
     * Whether another event already holds the key. The same event again (a replay, a redrive) is no
     * repeat: it is routed again with the same bundle ids, which consumers recognise. The event's
     * {@code receivedAt} is the time, so that an event is judged as when it arrived.
     */
    private boolean repeated(@Nullable DedupeKey dedupe, RawWebhookEvent event, SeenKeys seen) {
        if (dedupe == null) {
            return false;
        }
        String holder = seen.holder(dedupe.storeKey(), event.getReceivedAt());
        if (holder == null || holder.equals(event.getEventId())) {
            return false;
        }
        duplicate.increment();
        return true;
    }

    /**
     * Keeps the key of an event that was routed; only then, so that an event that became a dead
     * letter can be sent again or redriven rather than being taken for its own repeat.
     */
    private static void remember(@Nullable DedupeKey dedupe, RawWebhookEvent event, SeenKeys seen) {
        if (dedupe != null && seen.holder(dedupe.storeKey(), event.getReceivedAt()) == null) {
            seen.remember(
                    dedupe.storeKey(), event.getEventId(), event.getReceivedAt(), dedupe.window());
        }
    }

    /** The items the webhook's directives keep; none when the condition filtered the event. */
    private List<Item> items(WebhookDefinition webhook, HookScope scope, RawWebhookEvent event)
            throws Undeliverable {
        ProcessingOutcome outcome;
        try {
            outcome =
                    processor.process(
                            webhook.spec(), webhook.type(), scope, RawRequests.toRequest(event));
        } catch (RuntimeException e) {
            // the processor promises not to throw; if a defect makes it, the event still must not
            // be lost
            throw new Undeliverable("INTERNAL", "processing failed: " + e);
        }
        if (outcome instanceof ProcessingOutcome.Failed f) {
            throw new Undeliverable(f.directivePath(), f.code(), f.message());
        }
        if (outcome instanceof ProcessingOutcome.Filtered) {
            filtered.increment();
            return List.of();
        }
        return ((ProcessingOutcome.Items) outcome).items();
    }

    /**
     * Second half of shared routing: one item and the subscriptions of its {@code appId:uid} (null
     * when nobody subscribed) become one bundle per subscribed hook, or one unmatched record.
     */
    public List<Routed> deliverShared(UnmatchedItem item, @Nullable SubscriberSet subscribers) {
        String key = subscriptionKey(item.getAppId(), item.getUid() == null ? "" : item.getUid());
        List<Subscription> matching =
                subscribers == null
                        ? List.of()
                        : subscribers.getSubscriptions().stream()
                                .filter(s -> s.getWebhookName().equals(item.getWebhookName()))
                                .toList();
        if (matching.isEmpty()) {
            unmatched.increment();
            return List.of(new Routed.Unmatched(key, item, formats.unmatched()));
        }
        long now = clock.millis();
        List<Routed> routed = new ArrayList<>(matching.size());
        for (Subscription s : matching) {
            TriggerBundle bundle =
                    TriggerBundle.newBuilder()
                            .setBundleId(
                                    bundleId(item.getEventId(), item.getItemIndex(), s.getHookId()))
                            .setEventId(item.getEventId())
                            .setItemIndex(item.getItemIndex())
                            .setHookId(s.getHookId())
                            .setAppId(item.getAppId())
                            .setWebhookName(item.getWebhookName())
                            .setUserId(s.getUserId())
                            .setConnectionId(s.getConnectionId())
                            .setOutput(item.getOutput())
                            .setReceivedAt(item.getReceivedAt())
                            .setEmittedAt(java.time.Instant.ofEpochMilli(now))
                            .build();
            routed.add(
                    new Routed.Bundle(
                            s.getTriggerTopic(),
                            bundleKey(s.getTriggerTopic(), s.getHookId(), s.getUserId()),
                            bundle,
                            formats.forHook(s.getBundleFormat()),
                            item.getEventType()));
        }
        emitted.increment(routed.size());
        return routed;
    }

    /**
     * The connection's data, opened, as the {@code connection} variable; none without a connection.
     */
    private @Nullable Value connectionData(@Nullable Connection connection) {
        if (connection == null) {
            return null;
        }
        java.nio.ByteBuffer data = connection.getData().duplicate();
        byte[] sealed = new byte[data.remaining()];
        data.get(sealed);
        return Values.fromJson(
                json.readTree(
                        sealer.open(
                                sealed,
                                connection.getDataEncryption(),
                                connection.getConnectionId())));
    }

    /**
     * A bundle's id, {@code <eventId>:<itemIndex>:<hookId>}: the same for every processing of the
     * same event (a retry, a replay, a redrive), which is what lets consumers drop the copies.
     * Dedicated and shared bundles are named alike.
     */
    static String bundleId(String eventId, int itemIndex, String hookId) {
        return eventId + ":" + itemIndex + ":" + hookId;
    }

    /** The key of the subscription index: shared webhooks route by the uid within one app. */
    public static String subscriptionKey(String appId, String uid) {
        return appId + ":" + uid;
    }

    /**
     * Per-user topics are keyed by hook; the one shared topic by user, so that a user's bundles
     * stay in order.
     */
    private String bundleKey(String topic, String hookId, String userId) {
        return topic.equals(sharedTriggerTopic) ? userId : hookId;
    }

    private List<Routed> dead(RawWebhookEvent event, String sourceTopic, Undeliverable why) {
        failed.increment();
        return List.of(
                new Routed.Dead(
                        DeadLetter.newBuilder()
                                .setEventId(event.getEventId())
                                .setHookId(event.getHookId())
                                .setAppId(event.getAppId())
                                .setStage("router")
                                .setDirectivePath(why.directivePath)
                                .setErrorCode(why.code)
                                .setError(why.reason)
                                .setFailedAt(clock.instant())
                                .setSourceTopic(sourceTopic)
                                .setEvent(event)
                                .build()));
    }
}
