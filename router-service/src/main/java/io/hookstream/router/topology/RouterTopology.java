package io.hookstream.router.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.BoundHook;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.SubscriberSet;
import io.hookstream.schemas.avro.Subscription;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.serde.AvroSerde;
import io.hookstream.schemas.topic.HookstreamTopics;

/**
 * The router's Kafka Streams topology, as plain code: the service supplies configuration and lifecycle,
 * tests build the very same topology.
 *
 * <pre>
 * events.raw ──┐                    ┌ dedicated ⋈ hooks (KTable, co-partitioned by hookId) ⋈ apps (global) ─ route ─┐
 *              ├ merge ─ split kind ┤                                                                             ├─ bundles → each hook's trigger topic
 * events.replay┘                    └ shared ⋈ apps ─ items by appId:uid ─ repartition ─ ⋈ subscription index ────┤─ unmatched → events.unmatched
 *                                                                                                                 └─ dead letters → events.dlq
 * bound hooks: hooks ⋈ connections (foreign key connectionId), read by dedicated events and by the
 * subscription index (partitioned, built here): active shared bound hooks → group by appId:uid
 * </pre>
 * The event half (raw and replayed events, the hooks table and its join with connections) and the delivery half
 * of shared items (their repartition, the subscription index) are separate sub-topologies: their tasks own only
 * their own input partitions. Every operator, store and internal topic has an explicit name, so that changes to
 * the topology do not silently rename state.
 */
public final class RouterTopology {

    /** Decoded table values kept per table (hooks, bound hooks, apps, subscriber sets), see {@link RecentValuesSerde}. */
    private static final int KEPT_VALUES = 1024;
    /** Values encoded in more bytes are decoded on every read rather than kept. */
    private static final int KEPT_VALUE_MAX_BYTES = 64 * 1024;

    private RouterTopology() {
    }

    /**
     * @param streamsConfig the configuration the topology will run with; optimisations it enables (such as
     *                      reusing the hooks topic as the store's changelog) are applied while building
     */
    public static Topology build(HookstreamTopics topics, EventRouter router, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<UnmatchedItem> items = topics.eventsUnmatched().valueSerde();
        // every event reads these tables; their values are decoded once rather than on each read
        Serde<Hook> hookSerde = kept(topics.hooks().valueSerde());
        Serde<App> appSerde = kept(topics.apps().valueSerde());

        KTable<String, Hook> hooks = builder.table(topics.hooks().name(),
            Consumed.with(keys, hookSerde).withName("hooks-source"),
            Materialized.<String, Hook, KeyValueStore<Bytes, byte[]>>as("hooks-store")
                .withKeySerde(keys).withValueSerde(hookSerde));
        GlobalKTable<String, App> apps = builder.globalTable(topics.apps().name(),
            Consumed.with(keys, appSerde).withName("apps-source"),
            Materialized.<String, App, KeyValueStore<Bytes, byte[]>>as("apps-store")
                .withKeySerde(keys).withValueSerde(appSerde));
        KTable<String, Connection> connections = builder.table(topics.connections().name(),
            Consumed.with(keys, topics.connections().valueSerde()).withName("connections-source"),
            Materialized.<String, Connection, KeyValueStore<Bytes, byte[]>>as("connections-store")
                .withKeySerde(keys).withValueSerde(topics.connections().valueSerde()));
        // one foreign-key join follows every change on either side: a new, re-verified or deleted connection,
        // a changed uid, a new or deleted hook; both flows read its result
        Serde<BoundHook> boundSerde = kept(AvroSerde.of(BoundHook.class));
        KTable<String, BoundHook> boundHooks = hooks.leftJoin(connections, Hook::getConnectionId, BoundHook::new,
            TableJoined.as("hook-connection-join"),
            Materialized.<String, BoundHook, KeyValueStore<Bytes, byte[]>>as("bound-hooks-store")
                .withKeySerde(keys).withValueSerde(boundSerde));
        Serde<SubscriberSet> setSerde = kept(AvroSerde.of(SubscriberSet.class));
        KTable<String, SubscriberSet> subscriptionIndex = subscriptionIndex(boundHooks, setSerde);

        KStream<String, SourcedEvent> events = source(builder, topics.eventsRaw().name(), topics, "raw")
            .merge(source(builder, topics.eventsReplay().name(), topics, "replay"), Named.as("merge-raw-and-replay"));
        var byKind = events.split(Named.as("kind-"))
            .branch((key, e) -> e.event().getKind() == WebhookKind.DEDICATED, Branched.as("dedicated"))
            .defaultBranch(Branched.as("shared"));

        // the hook comes from the hooks table itself, which Kafka Streams reads in timestamp order with the
        // events, so a hook created before an event is always known to it; the bound table, one foreign-key
        // round trip behind, only adds the connection
        KStream<String, List<Routed>> dedicated = byKind.get("kind-dedicated")
            .leftJoin(hooks, (SourcedEvent event, Hook hook) -> new EventWithHook(event, hook),
                Joined.with(keys, SourcedEvent.serde(topics), hookSerde, "event-hook-join"))
            .leftJoin(boundHooks, (EventWithHook withHook, BoundHook bound) -> withHook.withBound(bound),
                Joined.<String, EventWithHook, BoundHook>as("event-connection-join").withKeySerde(keys).withOtherValueSerde(boundSerde))
            .leftJoin(apps, (key, withHook) -> withHook.appId(),
                (withHook, app) -> router.routeDedicated(withHook.event().event(), withHook.hook(), withHook.bound(), app,
                    withHook.event().topic()),
                Named.as("event-app-join"));
        KStream<String, List<Routed>> shared = byKind.get("kind-shared")
            .leftJoin(apps, (key, e) -> e.event().getAppId(),
                (e, app) -> router.expandShared(e.event(), app, e.topic()), Named.as("shared-event-app-join"));

        var firstPass = dedicated.merge(shared, Named.as("merge-routed"))
            .flatMapValues(list -> list, Named.as("flatten-routed"))
            .split(Named.as("pass-"))
            .branch((key, r) -> r instanceof Routed.SharedItem, Branched.as("shared-items"))
            .defaultBranch(Branched.as("final"));

        KStream<String, Routed> delivered = firstPass.get("pass-shared-items")
            .map((key, r) -> KeyValue.pair(((Routed.SharedItem) r).key(), ((Routed.SharedItem) r).item()), Named.as("key-item-by-uid"))
            .repartition(Repartitioned.with(keys, items).withName("shared-items-by-uid"))
            .leftJoin(subscriptionIndex, router::deliverShared, Joined.with(keys, items, setSerde, "item-subscription-join"))
            .flatMapValues(list -> list, Named.as("flatten-delivered"));

        // two sinks rather than one merged stream: a merge would join the delivery half (item and subscription
        // repartitions, the index) to the event half in one sub-topology, and a task checks every input partition
        // it owns, empty or not, before each record it processes
        sinks(firstPass.get("pass-final"), topics, "routed-");
        sinks(delivered, topics, "delivered-");
        return builder.build(streamsConfig);
    }

    /**
     * appId:uid → the active shared hooks whose connection has that uid; partitioned state, rebuilt from the
     * bound hooks as they change.
     */
    private static KTable<String, SubscriberSet> subscriptionIndex(KTable<String, BoundHook> boundHooks, Serde<SubscriberSet> setSerde) {
        Serde<String> keys = Serdes.String();
        Serde<Subscription> subscriptionSerde = AvroSerde.of(Subscription.class);
        KTable<String, Subscription> subscriptions = boundHooks.mapValues(RouterTopology::subscription, Named.as("to-subscription"),
            Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as("subscriptions-store")
                .withKeySerde(keys).withValueSerde(subscriptionSerde));
        return subscriptions
            .groupBy((hookId, s) -> KeyValue.pair(EventRouter.subscriptionKey(s.getAppId(), s.getUid()), s),
                Grouped.with("subscriptions-by-uid", keys, subscriptionSerde))
            .aggregate(() -> new SubscriberSet(List.of()),
                (key, s, set) -> with(set, s),
                (key, s, set) -> without(set, s.getHookId()),
                Named.as("subscription-index-aggregate"),
                Materialized.<String, SubscriberSet, KeyValueStore<Bytes, byte[]>>as("subscription-index")
                    .withKeySerde(keys).withValueSerde(setSerde));
    }

    /**
     * An active shared hook with its connection's uid; anything else (a dedicated or inactive hook, no
     * connection, no uid, a connection of another app or user) subscribes to nothing.
     */
    private static @Nullable Subscription subscription(BoundHook bound) {
        Hook hook = bound.getHook();
        Connection connection = bound.getConnection();
        if (hook.getKind() != WebhookKind.SHARED || hook.getStatus() != HookStatus.ACTIVE || connection == null
                || connection.getUid() == null || !connection.getAppId().equals(hook.getAppId())
                || !connection.getUserId().equals(hook.getUserId())) {
            return null;
        }
        return new Subscription(hook.getHookId(), hook.getAppId(), hook.getWebhookName(), hook.getUserId(),
            connection.getConnectionId(), connection.getUid(), hook.getTriggerTopic());
    }

    private static SubscriberSet with(SubscriberSet set, Subscription added) {
        List<Subscription> next = new ArrayList<>(set.getSubscriptions().size() + 1);
        for (Subscription s : set.getSubscriptions()) {
            if (!s.getHookId().equals(added.getHookId())) {
                next.add(s);
            }
        }
        next.add(added);
        return new SubscriberSet(next);
    }

    private static SubscriberSet without(SubscriberSet set, String hookId) {
        return new SubscriberSet(set.getSubscriptions().stream().filter(s -> !s.getHookId().equals(hookId)).toList());
    }

    private static <T> Serde<T> kept(Serde<T> serde) {
        return new RecentValuesSerde<>(serde, KEPT_VALUES, KEPT_VALUE_MAX_BYTES);
    }

    /** Bundles to their trigger topics, unmatched items and dead letters to theirs; {@code prefix} names the operators. */
    private static void sinks(KStream<String, Routed> routed, HookstreamTopics topics, String prefix) {
        Serde<String> keys = Serdes.String();
        Serde<Routed> payload = new RoutedPayloadSerde(topics);
        routed.split(Named.as(prefix))
            .branch((key, r) -> r instanceof Routed.Bundle, Branched.withConsumer(bundles -> bundles
                .selectKey((key, r) -> ((Routed.Bundle) r).key(), Named.as(prefix + "key-bundle"))
                .to((key, r, context) -> ((Routed.Bundle) r).topic(), Produced.with(keys, payload).withName(prefix + "bundles-sink")),
                "bundles"))
            .branch((key, r) -> r instanceof Routed.Unmatched, Branched.withConsumer(unmatched -> unmatched
                .selectKey((key, r) -> ((Routed.Unmatched) r).key(), Named.as(prefix + "key-unmatched-by-uid"))
                .to(topics.eventsUnmatched().name(), Produced.with(keys, payload).withName(prefix + "unmatched-sink")),
                "unmatched"))
            .defaultBranch(Branched.withConsumer(dead -> dead
                .selectKey((key, r) -> ((Routed.Dead) r).letter().getEventId(), Named.as(prefix + "key-dead-letter-by-event"))
                .to(topics.eventsDlq().name(), Produced.with(keys, payload).withName(prefix + "dead-letter-sink")),
                "dead"));
    }

    private static KStream<String, SourcedEvent> source(StreamsBuilder builder, String topic, HookstreamTopics topics, String name) {
        return builder.stream(topic, Consumed.with(Serdes.String(), topics.eventsRaw().valueSerde()).withName(name + "-events-source"))
            .mapValues(event -> new SourcedEvent(topic, event), Named.as("tag-" + name + "-source"));
    }

    /** A raw event with the topic it was read from, which dead letters record for redrive. */
    record SourcedEvent(String topic, RawWebhookEvent event) {

        /** Only needed by the join's signature; the join itself needs no repartition, so this never hits the wire in normal runs. */
        static Serde<SourcedEvent> serde(HookstreamTopics topics) {
            Serde<RawWebhookEvent> events = topics.eventsRaw().valueSerde();
            return Serdes.serdeFrom(
                (t, e) -> e == null ? null : events.serializer().serialize(t, e.event()),
                (t, bytes) -> bytes == null ? null : new SourcedEvent(t, events.deserializer().deserialize(t, bytes)));
        }
    }

    /** A dedicated event with its hook and the hook as bound to its connection; any of them may be missing. */
    record EventWithHook(SourcedEvent event, @Nullable Hook hook, @Nullable BoundHook bound) {

        EventWithHook(SourcedEvent event, @Nullable Hook hook) {
            this(event, hook, null);
        }

        EventWithHook withBound(@Nullable BoundHook bound) {
            return new EventWithHook(event, hook, bound);
        }

        String appId() {
            return hook == null ? event.event().getAppId() : hook.getAppId();
        }
    }
}
