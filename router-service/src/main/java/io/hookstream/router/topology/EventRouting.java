package io.hookstream.router.topology;

import io.hookstream.router.outcomes.Source;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.routing.Routed;
import io.hookstream.router.routing.SeenKeys;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.BoundHook;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one raw or replayed event in a single step: reads its hook, the hook as bound to its
 * connection and the app from their stores, runs the directives, and forwards every result under
 * the key it is written with, with the record of the event's outcome. It also keeps the dedupe keys
 * seen per hook and app webhook, in its own window store, and drops an event that repeats one. One
 * processor instead of a chain of joins, merges, splits and re-keyings, because Kafka Streams pays
 * for each node a record passes through, and an event passed through a dozen.
 *
 * <p>The stores are the tables the joins read, so an event sees exactly what a join would have
 * shown it: the hooks table is updated by the same task, in timestamp order with the events; the
 * bound hooks follow it one foreign-key round trip behind; the apps are a global table.
 */
final class EventRouting implements Processor<String, RawWebhookEvent, String, Routed> {

    private static final Logger log = LoggerFactory.getLogger(EventRouting.class);

    private final EventRouter router;
    private final String fallbackTopic;
    // Kafka Streams hands them over in init, after construction and before the first record
    private @Nullable Task task;

    /** What the processor works with once its task has given it its context. */
    private record Task(
            ProcessorContext<String, Routed> context,
            KeyValueStore<String, ValueAndTimestamp<Hook>> hooks,
            KeyValueStore<String, ValueAndTimestamp<BoundHook>> boundHooks,
            KeyValueStore<String, ValueAndTimestamp<App>> apps,
            WindowStore<String, String> seenKeys)
            implements SeenKeys {

        /*
         * A key is kept at the instant its window ends, moved back by the store's retention
         * (RouterTopology.DEDUPE_RETENTION): the store then drops each key once its own window has
         * passed, however short, rather than after the longest window any webhook may have. A key
         * is still held while that instant is within the retention of the time asked about.
         */

        @Override
        public @Nullable String holder(String key, Instant at) {
            long from = at.toEpochMilli() - RouterTopology.DEDUPE_RETENTION.toMillis() + 1;
            try (WindowStoreIterator<String> held = seenKeys.fetch(key, from, Long.MAX_VALUE)) {
                return held.hasNext() ? held.next().value : null;
            }
        }

        @Override
        public void remember(String key, String eventId, Instant at, Duration window) {
            long ends = at.toEpochMilli() + window.toMillis();
            seenKeys.put(key, eventId, ends - RouterTopology.DEDUPE_RETENTION.toMillis());
        }
    }

    /**
     * @param fallbackTopic the source recorded in dead letters if a record comes without its
     *     metadata
     */
    EventRouting(EventRouter router, String fallbackTopic) {
        this.router = router;
        this.fallbackTopic = fallbackTopic;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.task =
                new Task(
                        context,
                        context.getStateStore(RouterTopology.HOOKS_STORE),
                        context.getStateStore(RouterTopology.BOUND_HOOKS_STORE),
                        context.getStateStore(RouterTopology.APPS_STORE),
                        context.getStateStore(RouterTopology.DEDUPE_STORE));
    }

    @Override
    public void process(Record<String, RawWebhookEvent> record) {
        Task t = Objects.requireNonNull(task, "Kafka Streams calls init before process");
        RawWebhookEvent event = record.value();
        String topic =
                t.context().recordMetadata().map(RecordMetadata::topic).orElse(fallbackTopic);
        if (event == null) {
            // no event to route nor to keep as a dead letter: as with a record that does not decode
            log.warn(
                    "event=router_record_skipped reason=\"no value\" topic={} key={}",
                    topic,
                    record.key());
            return;
        }
        List<Routed> routed;
        App app;
        if (event.getKind() == WebhookKind.DEDICATED) {
            Hook hook = value(t.hooks(), record.key());
            String appId = hook == null ? event.getAppId() : hook.getAppId();
            app = value(t.apps(), appId);
            routed =
                    router.routeDedicated(
                            event, hook, value(t.boundHooks(), record.key()), app, topic, t);
        } else {
            app = value(t.apps(), event.getAppId());
            routed = router.expandShared(event, app, topic, t);
        }
        Source source =
                t.context()
                        .recordMetadata()
                        .map(m -> new Source(m.topic(), m.partition(), m.offset()))
                        .orElse(new Source(topic, -1, -1));
        routed = router.outcomes().afterRouting(event, routed, source, app);
        for (Routed r : routed) {
            t.context().forward(record.withKey(r.key()).withValue(r));
        }
    }

    private static <V> @Nullable V value(
            KeyValueStore<String, ValueAndTimestamp<V>> store, @Nullable String key) {
        if (key == null) {
            return null;
        }
        ValueAndTimestamp<V> found = store.get(key);
        return found == null ? null : found.value();
    }
}
