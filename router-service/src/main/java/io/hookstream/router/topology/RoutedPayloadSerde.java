package io.hookstream.router.topology;

import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.bundle.BundleWriter;
import io.hookstream.schemas.topic.HookstreamTopics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the payload of a {@link Routed} record in its topic's own format: bundles and unmatched
 * items in the format routing chose for them (CloudEvents set the record's headers), dead letters
 * and outcomes in Avro. The sinks keep the whole routed record up to the last step so that a
 * dynamic sink can read the destination from it; only the payload reaches Kafka. Never used to
 * read: sinks do not deserialize.
 */
final class RoutedPayloadSerde implements Serde<Routed> {

    private final HookstreamTopics topics;
    private final BundleWriter bundles = new BundleWriter();

    RoutedPayloadSerde(HookstreamTopics topics) {
        this.topics = topics;
    }

    @Override
    public Serializer<Routed> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, Routed routed) {
                return serialize(topic, new RecordHeaders(), routed);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, Routed routed) {
                if (routed instanceof Routed.Bundle b) {
                    return bundles.write(
                            topic, headers, b.bundle(), b.key(), b.format(), b.eventType());
                }
                if (routed instanceof Routed.Unmatched u) {
                    return bundles.write(topic, headers, u.item(), u.key(), u.format());
                }
                if (routed instanceof Routed.Dead d) {
                    return topics.eventsDlq()
                            .valueSerde()
                            .serializer()
                            .serialize(topic, d.letter());
                }
                if (routed instanceof Routed.Outcome o) {
                    return topics.eventsOutcomes()
                            .valueSerde()
                            .serializer()
                            .serialize(topic, o.outcome());
                }
                // shared items go on as UnmatchedItem records through their repartition, never
                // through a sink
                throw new IllegalArgumentException("nothing to write for " + routed);
            }
        };
    }

    @Override
    public Deserializer<Routed> deserializer() {
        return (topic, bytes) -> {
            throw new UnsupportedOperationException("routed records are only written");
        };
    }
}
