package io.hookstream.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name together with the serdes of its keys and values, so that no producer or consumer
 * guesses them.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (!TopicNames.isLegal(name)) {
            throw new IllegalArgumentException("illegal Kafka topic name: " + name);
        }
    }
}
