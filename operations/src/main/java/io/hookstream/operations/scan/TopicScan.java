package io.hookstream.operations.scan;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads fixed offset ranges of a topic, one range per partition, and stops when every range is
 * done. Ranges are fixed before reading (usually the end offsets at the start), so a scan of a
 * topic that keeps growing still ends. It assigns partitions itself and commits nothing: scanning
 * never disturbs the topic's consumer groups.
 */
public final class TopicScan implements AutoCloseable {

    /** How the records of one scan are handled; answering {@code false} ends the scan early. */
    @FunctionalInterface
    public interface RecordHandler {
        boolean handle(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A range that makes no progress for this long means the broker stopped serving it; fail rather
     * than hang.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String bootstrapServers;

    public TopicScan(String bootstrapServers, String clientId) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // records of aborted transactions (the router writes dead letters transactionally) never
        // happened
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // retention may delete the start of a range while it is being read; continue at what is
        // left
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // looking at a topic that does not exist must not create it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions; empty if the topic does not exist. */
    public List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    /**
     * The offset after the last committed record of each partition: where a scan of "everything so
     * far" ends.
     */
    public Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
    }

    public Map<TopicPartition, Long> beginningOffsets(List<TopicPartition> partitions) {
        return consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
    }

    /**
     * For each partition, the first offset whose record timestamp is at or after {@code
     * epochMillis}, or the end offset if there is none (no record that late yet).
     */
    public Map<TopicPartition, Long> offsetsAtOrAfter(
            List<TopicPartition> partitions,
            long epochMillis,
            Map<TopicPartition, Long> endOffsets) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, epochMillis));
        Map<TopicPartition, Long> found = new LinkedHashMap<>();
        consumer.offsetsForTimes(query, METADATA_TIMEOUT)
                .forEach(
                        (partition, offset) ->
                                found.put(
                                        partition,
                                        offset == null
                                                ? Offsets.of(endOffsets, partition)
                                                : offset.offset()));
        return found;
    }

    /**
     * Hands every record with {@code from[p] <= offset < to[p]} to {@code handler}, in offset order
     * per partition.
     *
     * @return {@code false} if the handler ended the scan early
     * @throws KafkaException if a range stops making progress
     */
    public boolean scan(
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, RecordHandler handler) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        from.forEach(
                (partition, start) -> {
                    Long end = to.get(partition);
                    if (end != null && start < end) {
                        remaining.put(partition, end);
                    }
                });
        if (remaining.isEmpty()) {
            return true;
        }
        consumer.assign(remaining.keySet());
        // a partition that stays assigned keeps its paused state from an earlier scan
        consumer.resume(remaining.keySet());
        remaining
                .keySet()
                .forEach(partition -> consumer.seek(partition, Offsets.of(from, partition)));
        Map<TopicPartition, Long> lastPosition = new HashMap<>();
        long lastProgress = System.nanoTime();
        while (!remaining.isEmpty()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(partition);
                if (end != null && record.offset() < end && !handler.handle(record)) {
                    return false;
                }
            }
            for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                // the position, not the last record, decides: transaction markers and deleted
                // records leave gaps
                long position = consumer.position(partition, METADATA_TIMEOUT);
                if (position >= Offsets.of(remaining, partition)) {
                    remaining.remove(partition);
                    consumer.pause(List.of(partition));
                } else if (!Long.valueOf(position).equals(lastPosition.put(partition, position))) {
                    lastProgress = System.nanoTime();
                }
            }
            if (!remaining.isEmpty()
                    && System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new KafkaException(
                        "no progress reading "
                                + remaining.keySet()
                                + " at "
                                + bootstrapServers
                                + " for "
                                + STALL_TIMEOUT.toSeconds()
                                + "s");
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
