package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * The activity view as a Kafka Streams topology: the request log and the event outcomes, each in a
 * window store keyed as its topic is (by hook or app webhook) and stamped with the time the request
 * arrived, so that a hook's newest entries are one backward range read; and the outcomes again,
 * repartitioned by event id, for the detail of one event. Window stores with duplicates retained
 * keep every entry of a key, and drop whole segments once they are older than the retention: the
 * view costs what the traffic of the retention period costs, not what the number of hooks does.
 * Requests and outcomes are also counted per outcome and minute for the overview.
 */
final class ActivityTopology {

    static final String REQUESTS = "activity-requests";
    static final String EVENTS = "activity-events";
    static final String EVENTS_BY_ID = "activity-events-by-id";
    static final String OUTCOME_COUNTS = "activity-outcome-counts";

    /** The width of the buckets requests and outcomes are counted in for the overview. */
    static final Duration COUNT_BUCKET = Duration.ofMinutes(1);

    /** How far back the overview's counts go. */
    static final Duration COUNT_RETENTION = Duration.ofHours(1);

    // every entry is its own window; its start is the time of the request
    private static final Duration WINDOW = Duration.ofMillis(1);

    private ActivityTopology() {}

    static Topology build(HookstreamTopics topics, Duration retention) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<RequestRecord> requests = topics.requests().valueSerde();
        Serde<EventOutcome> outcomes = topics.eventsOutcomes().valueSerde();
        builder.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(REQUESTS, retention, WINDOW, true),
                        keys,
                        requests));
        builder.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(EVENTS, retention, WINDOW, true),
                        keys,
                        outcomes));
        builder.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(EVENTS_BY_ID, retention, WINDOW, true),
                        keys,
                        outcomes));

        var requestLog =
                builder.stream(
                        topics.requests().name(),
                        Consumed.with(keys, requests).withName("requests-source"));
        requestLog.process(
                () -> new Keep<RequestRecord>(REQUESTS, r -> r.getReceivedAt()),
                Named.as("keep-requests"),
                REQUESTS);
        var events =
                builder.stream(
                        topics.eventsOutcomes().name(),
                        Consumed.with(keys, outcomes).withName("outcomes-source"));
        events.process(
                () -> new Keep<EventOutcome>(EVENTS, EventOutcome::getReceivedAt),
                Named.as("keep-events"),
                EVENTS);
        events.selectKey((key, outcome) -> outcome.getEventId(), Named.as("by-event-id"))
                .repartition(Repartitioned.with(keys, outcomes).withName("outcomes-by-event-id"))
                .process(
                        () -> new Keep<EventOutcome>(EVENTS_BY_ID, EventOutcome::getReceivedAt),
                        Named.as("keep-events-by-id"),
                        EVENTS_BY_ID);
        requestLog
                .map(
                        (key, request) -> KeyValue.pair(OutcomeCount.requestKey(request), 1L),
                        Named.as("request-outcome"))
                .merge(
                        events.map(
                                (key, outcome) -> KeyValue.pair(OutcomeCount.eventKey(outcome), 1L),
                                Named.as("event-outcome")),
                        Named.as("outcomes"))
                // a handful of keys (one per outcome), each counted by whichever instance owns it
                .groupByKey(Grouped.with("outcome-counts", keys, Serdes.Long()))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(COUNT_BUCKET))
                .count(
                        Named.as("count-outcomes"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(OUTCOME_COUNTS)
                                .withKeySerde(keys)
                                .withValueSerde(Serdes.Long())
                                .withRetention(COUNT_RETENTION));
        return builder.build();
    }

    /** Puts every record into its store at the time its request arrived. */
    private static final class Keep<V> implements Processor<String, V, Void, Void> {

        private final String store;
        private final java.util.function.Function<V, Instant> time;
        private @Nullable WindowStore<String, V> windows;

        Keep(String store, java.util.function.Function<V, Instant> time) {
            this.store = store;
            this.time = time;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            windows = context.getStateStore(store);
        }

        @Override
        public void process(Record<String, V> record) {
            V value = record.value();
            if (record.key() == null || value == null) {
                return;
            }
            Objects.requireNonNull(windows, "Kafka Streams calls init before process")
                    .put(record.key(), value, time.apply(value).toEpochMilli());
        }
    }
}
