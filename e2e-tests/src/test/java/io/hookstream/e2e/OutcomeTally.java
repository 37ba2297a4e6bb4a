package io.hookstream.e2e;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events of one app the routers recorded with each outcome ({@code delivered}, {@code
 * duplicate}, ...), read from the committed outcomes topic up to its end: durable across router
 * restarts, unlike a router's own counters.
 */
final class OutcomeTally {

    private OutcomeTally() {}

    static Map<String, Long> of(String bootstrapServers, String appId, Duration timeout) {
        Topic<String, EventOutcome> topic = HookstreamTopics.defaults().eventsOutcomes();
        Map<String, Long> tally = new TreeMap<>();
        try (KafkaConsumer<String, EventOutcome> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        topic.keySerde().deserializer(),
                        topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, EventOutcome> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && appId.equals(record.value().getAppId())) {
                        tally.merge(record.value().getOutcome(), 1L, Long::sum);
                    }
                }
            }
        }
        return tally;
    }
}
