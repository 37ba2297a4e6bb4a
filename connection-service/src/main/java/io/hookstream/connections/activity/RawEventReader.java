package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one raw event at the position an outcome names, for the detail of an event: the outcome
 * keeps only the start of the body. One short-lived consumer per read, since the detail of an event
 * is asked for by a person, not by traffic.
 */
public final class RawEventReader {

    private final KafkaSettings kafka;
    private final HookstreamTopics topics;
    private final Duration timeout;

    public RawEventReader(KafkaSettings kafka, HookstreamTopics topics, Duration timeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.timeout = timeout;
    }

    /**
     * The raw event at {@code topic:partition:offset}, if it is still there and is {@code eventId}.
     */
    public Optional<RawWebhookEvent> read(String source, String eventId) {
        int lastColon = source.lastIndexOf(':');
        int colon = lastColon <= 0 ? -1 : source.lastIndexOf(':', lastColon - 1);
        if (colon <= 0) {
            return Optional.empty();
        }
        String topic = source.substring(0, colon);
        if (!topic.equals(topics.eventsRaw().name())
                && !topic.equals(topics.eventsReplay().name())) {
            return Optional.empty();
        }
        TopicPartition partition;
        long offset;
        try {
            partition =
                    new TopicPartition(
                            topic, Integer.parseInt(source.substring(colon + 1, lastColon)));
            offset = Long.parseLong(source.substring(lastColon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (KafkaConsumer<String, RawWebhookEvent> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                1),
                        new StringDeserializer(),
                        topics.eventsRaw().valueSerde().deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, RawWebhookEvent> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    RawWebhookEvent event = record.value();
                    return record.offset() == offset
                                    && event != null
                                    && event.getEventId().equals(eventId)
                            ? Optional.of(event)
                            : Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            // gone with the retention, or a record that does not decode: the preview stays
            return Optional.empty();
        }
        return Optional.empty();
    }
}
