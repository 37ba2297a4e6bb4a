package io.hookstream.router.topology;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;

/**
 * The router's Kafka Streams topology, as plain code: the service supplies configuration and lifecycle,
 * tests build the very same topology.
 *
 * <pre>
 * events.raw ─┐                    ┌ dedicated ⋈ hooks (KTable, co-partitioned by hookId) ⋈ apps (global) ─┐
 *             ├ merge ─ split kind ┤                                                                   ├ route ─┬ bundles → each hook's trigger topic
 * events.replay┘                   └ shared ───────────────────────────────────────────────────────────┘        ├ unmatched → events.unmatched
 *                                                                                                               └ dead letters → events.dlq
 * </pre>
 * Every operator, store and internal topic has an explicit name, so that changes to the topology do not
 * silently rename state.
 */
public final class RouterTopology {

    private RouterTopology() {
    }

    /**
     * @param streamsConfig the configuration the topology will run with; optimisations it enables (such as
     *                      reusing the hooks topic as the store's changelog) are applied while building
     */
    public static Topology build(HookstreamTopics topics, EventRouter router, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();

        KTable<String, Hook> hooks = builder.table(topics.hooks().name(),
            Consumed.with(keys, topics.hooks().valueSerde()).withName("hooks-source"),
            Materialized.<String, Hook, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("hooks-store")
                .withKeySerde(keys).withValueSerde(topics.hooks().valueSerde()));
        GlobalKTable<String, App> apps = builder.globalTable(topics.apps().name(),
            Consumed.with(keys, topics.apps().valueSerde()).withName("apps-source"),
            Materialized.<String, App, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("apps-store")
                .withKeySerde(keys).withValueSerde(topics.apps().valueSerde()));

        KStream<String, SourcedEvent> raw = source(builder, topics.eventsRaw().name(), topics, "raw");
        KStream<String, SourcedEvent> replay = source(builder, topics.eventsReplay().name(), topics, "replay");
        KStream<String, SourcedEvent> events = raw.merge(replay, Named.as("merge-raw-and-replay"));

        var byKind = events.split(Named.as("kind-"))
            .branch((key, e) -> e.event().getKind() == WebhookKind.DEDICATED, Branched.as("dedicated"))
            .defaultBranch(Branched.as("shared"));

        KStream<String, List<Routed>> dedicated = byKind.get("kind-dedicated")
            .leftJoin(hooks, EventWithHook::new,
                Joined.with(keys, SourcedEvent.serde(topics), topics.hooks().valueSerde(), "event-hook-join"))
            .leftJoin(apps, (key, withHook) -> withHook.hook() == null ? withHook.event().event().getAppId() : withHook.hook().getAppId(),
                (withHook, app) -> router.routeDedicated(withHook.event().event(), withHook.hook(), app, withHook.event().topic()),
                Named.as("event-app-join"));
        KStream<String, List<Routed>> shared = byKind.get("kind-shared")
            .mapValues(e -> router.routeShared(e.event(), e.topic()), Named.as("route-shared"));

        KStream<String, Routed> routed = dedicated.merge(shared, Named.as("merge-routed"))
            .flatMapValues(list -> list, Named.as("flatten-routed"));

        Serde<Routed> payload = new RoutedPayloadSerde(topics);
        routed.split(Named.as("routed-"))
            .branch((key, r) -> r instanceof Routed.Bundle, Branched.withConsumer(bundles -> bundles
                .selectKey((key, r) -> ((Routed.Bundle) r).key(), Named.as("key-bundle-by-hook"))
                .to((key, r, context) -> ((Routed.Bundle) r).topic(), Produced.with(keys, payload).withName("bundles-sink")),
                "bundles"))
            .branch((key, r) -> r instanceof Routed.Unmatched, Branched.withConsumer(unmatched -> unmatched
                .selectKey((key, r) -> ((Routed.Unmatched) r).key(), Named.as("key-unmatched-by-uid"))
                .to(topics.eventsUnmatched().name(), Produced.with(keys, payload).withName("unmatched-sink")),
                "unmatched"))
            .defaultBranch(Branched.withConsumer(dead -> dead
                .selectKey((key, r) -> ((Routed.Dead) r).letter().getEventId(), Named.as("key-dead-letter-by-event"))
                .to(topics.eventsDlq().name(), Produced.with(keys, payload).withName("dead-letter-sink")),
                "dead"));
        return builder.build(streamsConfig);
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

    record EventWithHook(SourcedEvent event, @org.jspecify.annotations.Nullable Hook hook) {
    }
}
