package io.hookstream.router.topology;

import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.BoundHook;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.SubscriberSet;
import io.hookstream.schemas.avro.Subscription;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.serde.AvroSerde;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.webhook.spec.DedupeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.DslWindowParams;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;

/**
 * The router's Kafka Streams topology, as plain code: the service supplies configuration and
 * lifecycle, tests build the very same topology.
 *
 * <pre>
 * events.raw ───┐                   ┌ bundles ──────────────────────────────────────────────────┐
 *               ├ route (reads the  ┼ dead letters, unmatched items ─────────────────────────────┼ sinks: each to its topic
 * events.replay ┘ hooks, bound hooks└ shared items by appId:uid ─ repartition ─ ⋈ subscription index ┘
 *                 and apps stores)
 * bound hooks: hooks ⋈ connections (foreign key connectionId), read by dedicated events and by the
 * subscription index (partitioned, built here): active shared bound hooks → group by appId:uid
 * </pre>
 *
 * Routing reads the hooks table (co-partitioned with the events by hookId, see {@code
 * TopicProvisioner.requireCoPartitioned}), the bound hooks and the apps (a global table) in one
 * processor, {@link EventRouting}. The event half (raw and replayed events, the hooks table and its
 * join with connections) and the delivery half of shared items (their repartition, the subscription
 * index) are separate sub-topologies: their tasks own only their own input partitions. Every
 * operator, store and internal topic has an explicit name, so that changes to the topology do not
 * silently rename state.
 */
public final class RouterTopology {

    /**
     * Decoded table values kept per table (hooks, bound hooks, apps, subscriber sets), see {@link
     * RecentValuesSerde}.
     */
    private static final int KEPT_VALUES = 1024;

    /** Values encoded in more bytes are decoded on every read rather than kept. */
    private static final int KEPT_VALUE_MAX_BYTES = 64 * 1024;

    static final String HOOKS_STORE = "hooks-store";
    static final String BOUND_HOOKS_STORE = "bound-hooks-store";
    static final String APPS_STORE = "apps-store";
    static final String DEDUPE_STORE = "dedupe-store";

    /**
     * How far back the dedupe store reaches: the longest window a webhook may have; {@link
     * EventRouting} places each key so that it leaves the store when its own window ends.
     */
    static final Duration DEDUPE_RETENTION = DedupeSpec.MAX_WINDOW;

    private RouterTopology() {}

    /**
     * @param streamsConfig the configuration the topology will run with; optimisations it enables
     *     (such as reusing the hooks topic as the store's changelog) are applied while building
     */
    public static Topology build(
            HookstreamTopics topics, EventRouter router, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        // shared items on their way to the index: internal, always Avro
        Serde<UnmatchedItem> items = AvroSerde.of(UnmatchedItem.class);
        // every event reads these tables; their values are decoded once rather than on each read
        Serde<Hook> hookSerde = kept(topics.hooks().valueSerde());
        Serde<App> appSerde = kept(topics.apps().valueSerde());

        KTable<String, Hook> hooks =
                builder.table(
                        topics.hooks().name(),
                        Consumed.with(keys, hookSerde).withName("hooks-source"),
                        Materialized.<String, Hook, KeyValueStore<Bytes, byte[]>>as(HOOKS_STORE)
                                .withKeySerde(keys)
                                .withValueSerde(hookSerde));
        builder.globalTable(
                topics.apps().name(),
                Consumed.with(keys, appSerde).withName("apps-source"),
                Materialized.<String, App, KeyValueStore<Bytes, byte[]>>as(APPS_STORE)
                        .withKeySerde(keys)
                        .withValueSerde(appSerde));
        KTable<String, Connection> connections =
                builder.table(
                        topics.connections().name(),
                        Consumed.with(keys, topics.connections().valueSerde())
                                .withName("connections-source"),
                        Materialized.<String, Connection, KeyValueStore<Bytes, byte[]>>as(
                                        "connections-store")
                                .withKeySerde(keys)
                                .withValueSerde(topics.connections().valueSerde()));
        // one foreign-key join follows every change on either side: a new, re-verified or deleted
        // connection,
        // a changed uid, a new or deleted hook; both flows read its result
        Serde<BoundHook> boundSerde = kept(AvroSerde.of(BoundHook.class));
        KTable<String, BoundHook> boundHooks =
                hooks.leftJoin(
                        connections,
                        Hook::getConnectionId,
                        BoundHook::new,
                        TableJoined.as("hook-connection-join"),
                        Materialized.<String, BoundHook, KeyValueStore<Bytes, byte[]>>as(
                                        BOUND_HOOKS_STORE)
                                .withKeySerde(keys)
                                .withValueSerde(boundSerde));
        Serde<SubscriberSet> setSerde = kept(AvroSerde.of(SubscriberSet.class));
        KTable<String, SubscriberSet> subscriptionIndex = subscriptionIndex(boundHooks, setSerde);

        builder.addStateStore(dedupeStore(streamsConfig));

        // one processor routes every raw or replayed event: it reads the three tables itself rather
        // than through a
        // chain of joins, splits, merges and re-keyings, each of which Kafka Streams pays for on
        // every record
        var routed =
                builder.stream(
                                List.of(topics.eventsRaw().name(), topics.eventsReplay().name()),
                                Consumed.with(keys, topics.eventsRaw().valueSerde())
                                        .withName("events-source"))
                        .process(
                                () -> new EventRouting(router, topics.eventsRaw().name()),
                                Named.as("route-events"),
                                HOOKS_STORE,
                                BOUND_HOOKS_STORE,
                                DEDUPE_STORE)
                        .split(Named.as("pass-"))
                        .branch(
                                (key, r) -> r instanceof Routed.SharedItem,
                                Branched.as("shared-items"))
                        .defaultBranch(Branched.as("final"));

        // the join (rather than a read of the index's store) is what makes Kafka Streams give the
        // two repartition
        // topics the same partition count
        KStream<String, Routed> delivered =
                branch(routed, "pass-shared-items")
                        .mapValues(r -> ((Routed.SharedItem) r).item(), Named.as("shared-item"))
                        .repartition(
                                Repartitioned.with(keys, items).withName("shared-items-by-uid"))
                        .leftJoin(
                                subscriptionIndex,
                                (item, set) ->
                                        router.outcomes()
                                                .afterDelivery(
                                                        item, router.deliverShared(item, set)),
                                Joined.with(keys, items, setSerde, "item-subscription-join"))
                        .flatMap((key, list) -> keyed(list), Named.as("key-delivered"));

        // two sinks rather than one merged stream: a merge would join the delivery half (item and
        // subscription
        // repartitions, the index) to the event half in one sub-topology, and a task checks every
        // input partition
        // it owns, empty or not, before each record it processes
        sink(branch(routed, "pass-final"), topics, "routed-sink");
        sink(delivered, topics, "delivered-sink");
        return builder.build(streamsConfig);
    }

    /**
     * The dedupe keys seen (store key → the id of the event that made it known), of the configured
     * kind like every store the DSL makes, and changelogged, so that it is restored with the
     * offsets it was written with under exactly-once processing. A window store, so that its
     * retention drops old keys without a sweep.
     */
    private static org.apache.kafka.streams.state.StoreBuilder<
                    org.apache.kafka.streams.state.WindowStore<String, String>>
            dedupeStore(Properties streamsConfig) {
        DslStoreSuppliers suppliers =
                new StreamsConfig(streamsConfig)
                        .getConfiguredInstance(
                                StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                                DslStoreSuppliers.class);
        return Stores.windowStoreBuilder(
                        suppliers.windowStore(
                                new DslWindowParams(
                                        DEDUPE_STORE,
                                        DEDUPE_RETENTION,
                                        // entries are single instants: the window of the store is
                                        // none of the keys' windows
                                        Duration.ofMillis(1),
                                        false,
                                        EmitStrategy.onWindowUpdate(),
                                        false,
                                        false)),
                        Serdes.String(),
                        Serdes.String())
                .withLoggingEnabled(Map.of());
    }

    /**
     * appId:uid → the active shared hooks whose connection has that uid; partitioned state, rebuilt
     * from the bound hooks as they change.
     */
    private static KTable<String, SubscriberSet> subscriptionIndex(
            KTable<String, BoundHook> boundHooks, Serde<SubscriberSet> setSerde) {
        Serde<String> keys = Serdes.String();
        Serde<Subscription> subscriptionSerde = AvroSerde.of(Subscription.class);
        KTable<String, Subscription> subscriptions =
                boundHooks.mapValues(
                        RouterTopology::subscription,
                        Named.as("to-subscription"),
                        Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as(
                                        "subscriptions-store")
                                .withKeySerde(keys)
                                .withValueSerde(subscriptionSerde));
        return subscriptions
                .groupBy(
                        (hookId, s) ->
                                KeyValue.pair(
                                        EventRouter.subscriptionKey(s.getAppId(), s.getUid()), s),
                        Grouped.with("subscriptions-by-uid", keys, subscriptionSerde))
                .aggregate(
                        () -> new SubscriberSet(List.of()),
                        (key, s, set) -> with(set, s),
                        (key, s, set) -> without(set, s.getHookId()),
                        Named.as("subscription-index-aggregate"),
                        Materialized.<String, SubscriberSet, KeyValueStore<Bytes, byte[]>>as(
                                        "subscription-index")
                                .withKeySerde(keys)
                                .withValueSerde(setSerde));
    }

    /**
     * An active shared hook with its connection's uid; anything else (a dedicated or inactive hook,
     * no connection, no uid, a connection of another app or user) subscribes to nothing.
     */
    private static @Nullable Subscription subscription(BoundHook bound) {
        Hook hook = bound.getHook();
        Connection connection = bound.getConnection();
        if (hook.getKind() != WebhookKind.SHARED
                || hook.getStatus() != HookStatus.ACTIVE
                || connection == null
                || connection.getUid() == null
                || !connection.getAppId().equals(hook.getAppId())
                || !connection.getUserId().equals(hook.getUserId())) {
            return null;
        }
        return new Subscription(
                hook.getHookId(),
                hook.getAppId(),
                hook.getWebhookName(),
                hook.getUserId(),
                connection.getConnectionId(),
                connection.getUid(),
                hook.getTriggerTopic(),
                hook.getBundleFormat());
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
        return new SubscriberSet(
                set.getSubscriptions().stream()
                        .filter(s -> !s.getHookId().equals(hookId))
                        .toList());
    }

    private static <T> Serde<T> kept(Serde<T> serde) {
        return new RecentValuesSerde<>(serde, KEPT_VALUES, KEPT_VALUE_MAX_BYTES);
    }

    /**
     * One of the streams {@code split} made of the routed records, named by its prefix and the
     * branch's name; split made every one of them, so none is missing.
     */
    private static KStream<String, Routed> branch(
            Map<String, KStream<String, Routed>> branches, String name) {
        return Objects.requireNonNull(branches.get(name), () -> "no branch " + name);
    }

    /**
     * Bundles to their trigger topics, unmatched items, dead letters and outcomes to theirs, each
     * record already keyed.
     */
    private static void sink(KStream<String, Routed> routed, HookstreamTopics topics, String name) {
        String unmatched = topics.eventsUnmatched().name();
        String dlq = topics.eventsDlq().name();
        String outcomes = topics.eventsOutcomes().name();
        routed.to(
                (key, r, context) -> destination(r, unmatched, dlq, outcomes),
                Produced.with(Serdes.String(), new RoutedPayloadSerde(topics)).withName(name));
    }

    private static String destination(
            Routed routed, String unmatched, String dlq, String outcomes) {
        if (routed instanceof Routed.Bundle b) {
            return b.topic();
        }
        if (routed instanceof Routed.Unmatched) {
            return unmatched;
        }
        if (routed instanceof Routed.Dead) {
            return dlq;
        }
        if (routed instanceof Routed.Outcome) {
            return outcomes;
        }
        throw new IllegalStateException(
                "shared items are delivered through the subscription index, never written as such");
    }

    private static List<KeyValue<String, Routed>> keyed(List<Routed> routed) {
        List<KeyValue<String, Routed>> out = new ArrayList<>(routed.size());
        for (Routed r : routed) {
            out.add(KeyValue.pair(r.key(), r));
        }
        return out;
    }
}
