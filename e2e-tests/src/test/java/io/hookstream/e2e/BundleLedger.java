package io.hookstream.e2e;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Every committed bundle on a set of trigger topics, counted by bundle id, as a consumer that
 * deduplicates nothing would see them. Reads until every expected bundle has arrived (or the
 * timeout), then a while longer, so that a late duplicate is counted too.
 */
final class BundleLedger {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Map<String, Integer> counts;
    private final Set<String> expected;

    private BundleLedger(Map<String, Integer> counts, Set<String> expected) {
        this.counts = counts;
        this.expected = expected;
    }

    static BundleLedger read(
            String bootstrapServers, List<String> topics, Set<String> expected, Duration timeout) {
        return read(bootstrapServers, topics, expected, timeout, Bundle::bundleId);
    }

    /**
     * @param key what a bundle is counted as (its bundle id, or the delivery it is); bundles
     *     without one are not counted
     */
    static BundleLedger read(
            String bootstrapServers,
            List<String> topics,
            Set<String> expected,
            Duration timeout,
            Function<Bundle, @Nullable String> key) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        // what a downstream consumer of trigger topics sees: bundles of aborted
                        // transactions never happened
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, Bundle> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new BundleReader())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> missing = new HashSet<>(expected);
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, Bundle> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    String counted = key.apply(record.value());
                    if (counted != null) {
                        counts.merge(counted, 1, Integer::sum);
                        missing.remove(counted);
                    }
                }
                if (missing.isEmpty() && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return new BundleLedger(counts, Set.copyOf(expected));
    }

    /** Distinct bundle ids seen. */
    int bundles() {
        return counts.size();
    }

    /** Copies beyond the first of any bundle id. */
    int duplicates() {
        return counts.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Expected bundle ids never seen. */
    Set<String> missing() {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(counts.keySet());
        return missing;
    }

    /**
     * Bundle ids seen that were not expected, e.g. of events stored after their sender was answered
     * 503.
     */
    Set<String> unexpected() {
        Set<String> unexpected = new HashSet<>(counts.keySet());
        unexpected.removeAll(expected);
        return unexpected;
    }

    /** Bundle ids seen more than once, for a failure message. */
    Map<String, Integer> duplicated() {
        Map<String, Integer> duplicated = new HashMap<>();
        counts.forEach(
                (id, n) -> {
                    if (n > 1) {
                        duplicated.put(id, n);
                    }
                });
        return duplicated;
    }
}
