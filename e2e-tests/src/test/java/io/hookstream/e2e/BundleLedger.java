package io.hookstream.e2e;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Every committed bundle on a set of trigger topics, counted by bundle id (or another key), as a
 * consumer that deduplicates nothing would see them, with the time each key was first seen. Reads
 * from the beginning, either once until every expected bundle has arrived ({@link #read}), or live
 * while a run goes on ({@link #start}, then {@link #awaitAll}), so that the time from a request's
 * answer to its bundle is known. After the last expected bundle it reads a while longer, so that a
 * late duplicate is counted too.
 */
final class BundleLedger implements AutoCloseable {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, Bundle> consumer;
    private final Function<Bundle, @Nullable String> key;
    private final Thread reader;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean stopping;
    private Set<String> expected = Set.of();

    private BundleLedger(
            KafkaConsumer<String, Bundle> consumer, Function<Bundle, @Nullable String> key) {
        this.consumer = consumer;
        this.key = key;
        this.reader = new Thread(this::readUntilStopped, "bundle-ledger");
        reader.setDaemon(true);
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
        return start(bootstrapServers, topics, key).awaitAll(expected, timeout);
    }

    /** Starts reading every bundle of {@code topics} from the beginning, in a thread of its own. */
    static BundleLedger start(
            String bootstrapServers, List<String> topics, Function<Bundle, @Nullable String> key) {
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
        KafkaConsumer<String, Bundle> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new BundleReader());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        BundleLedger ledger = new BundleLedger(consumer, key);
        ledger.reader.start();
        return ledger;
    }

    private void readUntilStopped() {
        try (consumer) {
            while (!stopping) {
                for (ConsumerRecord<String, Bundle> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    String counted = key.apply(record.value());
                    if (counted != null) {
                        firstSeenNanos.putIfAbsent(counted, System.nanoTime());
                        counts.merge(counted, 1, Integer::sum);
                    }
                }
            }
            stopped.complete(null);
        } catch (RuntimeException e) {
            stopped.completeExceptionally(e);
        }
    }

    /**
     * Waits until every expected key has been seen (or the timeout), reads {@link #SETTLE} longer,
     * and stops reading.
     */
    BundleLedger awaitAll(Set<String> expected, Duration timeout) {
        this.expected = Set.copyOf(expected);
        Set<String> missing = new HashSet<>(expected);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline && !stopped.isDone()) {
                missing.removeIf(counts::containsKey);
                if (missing.isEmpty()) {
                    Thread.sleep(SETTLE.toMillis());
                    break;
                }
                Thread.sleep(50);
            }
            stopping = true;
            stopped.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading bundles", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the bundle reader failed", e);
        } finally {
            stopping = true;
        }
        return this;
    }

    /** Stops reading, if {@link #awaitAll} has not (a run that failed half way). */
    @Override
    public void close() {
        stopping = true;
    }

    /** When a key was first seen ({@link System#nanoTime()}), if it was. */
    OptionalLong firstSeenNanos(String counted) {
        Long seen = firstSeenNanos.get(counted);
        return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
    }

    /** How many keys were expected. */
    int expectedCount() {
        return expected.size();
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
