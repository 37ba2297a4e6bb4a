package io.hookstream.router.topology;

import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.topic.HookstreamTopics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the payload of a {@link Routed} record in its topic's own format. The sinks keep the whole
 * routed record up to the last step so that a dynamic sink can read the destination from it; only
 * the payload reaches Kafka. Never used to read: sinks do not deserialize.
 */
final class RoutedPayloadSerde implements Serde<Routed> {

    private final HookstreamTopics topics;

    RoutedPayloadSerde(HookstreamTopics topics) {
        this.topics = topics;
    }

    @Override
    public Serializer<Routed> serializer() {
        return (topic, routed) -> {
            if (routed instanceof Routed.Bundle b) {
                return topics.triggerBundleSerde().serializer().serialize(topic, b.bundle());
            }
            if (routed instanceof Routed.Unmatched u) {
                return topics.eventsUnmatched()
                        .valueSerde()
                        .serializer()
                        .serialize(topic, u.item());
            }
            if (routed instanceof Routed.Dead d) {
                return topics.eventsDlq().valueSerde().serializer().serialize(topic, d.letter());
            }
            // shared items go on as UnmatchedItem records through their repartition, never through
            // a sink
            throw new IllegalArgumentException("nothing to write for " + routed);
        };
    }

    @Override
    public Deserializer<Routed> deserializer() {
        return (topic, bytes) -> {
            throw new UnsupportedOperationException("routed records are only written");
        };
    }
}
