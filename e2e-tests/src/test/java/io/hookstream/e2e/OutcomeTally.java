package io.hookstream.e2e;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * How many events of one app the routers recorded with each outcome ({@code delivered}, {@code
 * duplicate}, ...), read from the committed outcomes topic up to its end: durable across router
 * restarts, unlike a router's own counters. For each delivery id ({@link
 * FixedRateLoad#DELIVERY_ID}) that was dropped as a duplicate, every event that carried it, so that
 * both copies can be found in the services' logs.
 *
 * @param counts events by outcome
 * @param duplicated per delivery id with a {@code duplicate} outcome: {@code
 *     outcome/eventId/receivedAt} of each of its events
 */
record OutcomeTally(Map<String, Long> counts, Map<String, List<String>> duplicated) {

    static OutcomeTally of(String bootstrapServers, String appId, Duration timeout) {
        Topic<String, EventOutcome> topic = HookstreamTopics.defaults().eventsOutcomes();
        Map<String, Long> tally = new TreeMap<>();
        Map<String, List<String>> byDelivery = new HashMap<>();
        Set<String> duplicatedIds = new TreeSet<>();
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
                    EventOutcome outcome = record.value();
                    if (outcome != null && appId.equals(outcome.getAppId())) {
                        tally.merge(outcome.getOutcome(), 1L, Long::sum);
                        String delivery = deliveryId(outcome);
                        if (delivery != null) {
                            byDelivery
                                    .computeIfAbsent(delivery, d -> new ArrayList<>())
                                    .add(
                                            outcome.getOutcome()
                                                    + "/"
                                                    + outcome.getEventId()
                                                    + "/"
                                                    + outcome.getReceivedAt());
                            if (outcome.getOutcome().equals("duplicate")) {
                                duplicatedIds.add(delivery);
                            }
                        }
                    }
                }
            }
        }
        Map<String, List<String>> duplicated = new TreeMap<>();
        duplicatedIds.forEach(id -> duplicated.put(id, byDelivery.get(id)));
        return new OutcomeTally(tally, duplicated);
    }

    private static @Nullable String deliveryId(EventOutcome outcome) {
        for (Header header : outcome.getHeaders()) {
            if (header.getName().equalsIgnoreCase(FixedRateLoad.DELIVERY_ID)) {
                return header.getValue();
            }
        }
        return null;
    }
}
