package io.hookstream.schemas.topic;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory view of a compacted topic: the latest value of every key, kept up to date by a
 * background consumer that reads the whole topic from the beginning (no consumer group, so every
 * instance of a service holds the complete view). A {@code null} value (tombstone) removes its key.
 *
 * <p>Writers that answer "created" before the view has seen their record would make readers miss
 * it; {@link #catchUp()} closes that gap: it completes once the view has read up to end offsets
 * looked up after it was called. Callers that arrive while a look-up is still to be made share it,
 * so a flood of lookups of unknown keys costs one end-offset request per round, not one per caller.
 *
 * <p>A writer that knows where its record landed waits with {@link #awaitOffset(int, long)}
 * instead: no look-up at all, only the view's next fetch, which the broker answers as soon as the
 * record is appended. Rounds of {@link #catchUp()} serve one after another, so writes that used
 * them queued behind each other's end-offset requests; waits for an offset do not.
 *
 * <p>End offsets are asked through a second consumer that never fetches. A broker answers the
 * requests of one connection in order, and while the topic is idle the reading consumer always has
 * a fetch that the broker holds for up to {@code fetch.max.wait.ms} (500 ms): on that connection
 * every look-up, and so every write that waits for its view, took half a second.
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final Properties consumerProperties;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, @Nullable V>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ChangeListener<V>> changeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Told every change with the value it replaced, so that a secondary index can drop a key from
     * where its old value put it; called on the view's thread, one change at a time.
     */
    @FunctionalInterface
    public interface ChangeListener<V> {
        /**
         * @param before the value the key had, {@code null} if it was new
         * @param after the value it has now, {@code null} if it was deleted
         */
        void changed(String key, @Nullable V before, @Nullable V after);
    }

    /** Writers waiting for the view to read past their record; few at a time (one per write). */
    private final java.util.Queue<OffsetWait> offsetWaits =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record OffsetWait(
            TopicPartition partition, long offset, CompletableFuture<Boolean> done) {}

    private final CountDownLatch initialLoad = new CountDownLatch(1);
    private final Object catchUpLock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;
    private volatile @Nullable KafkaConsumer<byte[], byte[]> offsetsConsumer;
    private volatile @Nullable RuntimeException failure;

    /** Callers whose end offsets are still to be looked up; the next round serves them all. */
    private @Nullable CompletableFuture<Boolean> waiting;

    /**
     * The round under way: its end offsets were looked up after every one of its callers called.
     */
    private @Nullable CompletableFuture<Boolean> inFlight; // only touched by the view's thread

    private @Nullable Map<TopicPartition, Long>
            inFlightEnds; // only touched by the view's thread; null until looked up

    /**
     * @param topic the compacted topic and its serdes
     * @param bootstrapServers the Kafka cluster
     * @param clientId a client id that names the service and the view, for broker logs and quotas
     */
    public CompactedTopicView(Topic<String, V> topic, String bootstrapServers, String clientId) {
        this.topic = Objects.requireNonNull(topic, "topic");
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        this.consumerProperties = p;
        this.thread = new Thread(this::run, "view-" + topic.name());
        this.thread.setDaemon(true);
    }

    /** Starts reading; returns at once. */
    public CompactedTopicView<V> start() {
        thread.start();
        return this;
    }

    /** Waits until the view has read the topic up to its end as of start, or the timeout passes. */
    public boolean awaitInitialLoad(Duration timeout) throws InterruptedException {
        return initialLoad.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isLoaded() {
        return initialLoad.getCount() == 0;
    }

    public @Nullable V get(String key) {
        return values.get(key);
    }

    public Collection<V> values() {
        return List.copyOf(values.values());
    }

    public int size() {
        return values.size();
    }

    public String topicName() {
        return topic.name();
    }

    /** Called on the view's thread for every applied change; the value is null for a deletion. */
    public void addListener(BiConsumer<String, @Nullable V> listener) {
        listeners.add(listener);
    }

    /**
     * As {@link #addListener}, with the replaced value. Add it before {@link #start()} to be told
     * the initial load too.
     */
    public void addChangeListener(ChangeListener<V> listener) {
        changeListeners.add(listener);
    }

    /**
     * Completes with {@code true} once the view has read everything that was written before this
     * call, or {@code false} if the view is not running.
     */
    public CompletableFuture<Boolean> catchUp() {
        if (!running || failure != null) {
            return CompletableFuture.completedFuture(false);
        }
        synchronized (catchUpLock) {
            if (waiting == null) {
                waiting = new CompletableFuture<>();
                KafkaConsumer<byte[], byte[]> c = consumer;
                if (c != null) {
                    c.wakeup(); // the poll loop picks the request up at once instead of
                    // after its poll timeout
                }
            }
            return waiting;
        }
    }

    /**
     * Completes with {@code true} once the view has read the record at {@code offset} of {@code
     * partition} (and so everything before it there), or {@code false} if the view stops first.
     */
    public CompletableFuture<Boolean> awaitOffset(int partition, long offset) {
        if (!running || failure != null) {
            return CompletableFuture.completedFuture(false);
        }
        TopicPartition tp = new TopicPartition(topic.name(), partition);
        if (readPast(tp, offset)) {
            return CompletableFuture.completedFuture(true);
        }
        OffsetWait wait = new OffsetWait(tp, offset, new CompletableFuture<>());
        offsetWaits.add(wait);
        // the view's thread moves its positions before it serves the waits: looking again after
        // the add catches a move made between the first look and the add
        if (readPast(tp, offset)) {
            offsetWaits.remove(wait);
            wait.done().complete(true);
        } else if (!running) {
            offsetWaits.remove(wait);
            wait.done().complete(false);
        }
        return wait.done();
    }

    private boolean readPast(TopicPartition tp, long offset) {
        return positions.getOrDefault(tp, 0L) > offset;
    }

    private void serveOffsetWaits() {
        if (offsetWaits.isEmpty()) {
            return;
        }
        for (java.util.Iterator<OffsetWait> it = offsetWaits.iterator(); it.hasNext(); ) {
            OffsetWait wait = it.next();
            if (readPast(wait.partition(), wait.offset())) {
                it.remove();
                wait.done().complete(true);
            }
        }
    }

    private void run() {
        Properties offsetsProperties = new Properties();
        offsetsProperties.putAll(consumerProperties);
        offsetsProperties.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                consumerProperties.getProperty(ConsumerConfig.CLIENT_ID_CONFIG) + "-offsets");
        try (KafkaConsumer<byte[], byte[]> raw = new KafkaConsumer<>(consumerProperties);
                KafkaConsumer<byte[], byte[]> offsets = new KafkaConsumer<>(offsetsProperties)) {
            consumer = raw;
            offsetsConsumer = offsets;
            List<TopicPartition> partitions = awaitPartitions(raw);
            raw.assign(partitions);
            raw.seekToBeginning(partitions);
            Map<TopicPartition, Long> initialEnds = null;
            while (running) {
                // wakeup() (from catchUp or close) interrupts whichever blocking call runs next,
                // not only poll
                try {
                    if (initialEnds == null) {
                        initialEnds = offsets.endOffsets(partitions);
                    }
                    for (ConsumerRecord<byte[], byte[]> r : raw.poll(Duration.ofMillis(500))) {
                        apply(r);
                    }
                    for (TopicPartition tp : partitions) {
                        positions.put(tp, raw.position(tp));
                    }
                    serveOffsetWaits();
                    if (initialLoad.getCount() > 0 && reached(initialEnds)) {
                        initialLoad.countDown();
                    }
                    serveCatchUp(offsets, partitions);
                } catch (WakeupException wakeup) {
                    // loop: either close() cleared running, or a catch-up request is waiting to be
                    // served
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
            }
        } finally {
            running = false;
            completePending(false);
            initialLoad.countDown();
        }
    }

    private void serveCatchUp(
            KafkaConsumer<byte[], byte[]> offsets, List<TopicPartition> partitions) {
        if (inFlight == null) {
            synchronized (catchUpLock) {
                inFlight = waiting;
                waiting = null;
            }
            if (inFlight == null) {
                return;
            }
        }
        if (inFlightEnds == null) {
            // looked up now, after every caller of this round called: their writes lie below these
            // ends; if a
            // wakeup interrupts the look-up, it is simply made again on the next turn of the loop
            inFlightEnds = offsets.endOffsets(partitions);
        }
        if (reached(inFlightEnds)) {
            CompletableFuture<Boolean> done = inFlight;
            inFlight = null;
            inFlightEnds = null;
            done.complete(true);
        }
    }

    private void completePending(boolean result) {
        CompletableFuture<Boolean> pending;
        synchronized (catchUpLock) {
            pending = waiting;
            waiting = null;
        }
        if (pending != null) {
            pending.complete(result);
        }
        for (OffsetWait wait; (wait = offsetWaits.poll()) != null; ) {
            wait.done().complete(result);
        }
        CompletableFuture<Boolean> current = inFlight;
        if (current != null) {
            inFlight = null;
            inFlightEnds = null;
            current.complete(result);
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> raw) {
        // the topic may be created by another service that starts later; wait for it rather than
        // fail
        while (running) {
            List<PartitionInfo> infos;
            try {
                infos = raw.partitionsFor(topic.name(), Duration.ofSeconds(5));
            } catch (WakeupException wakeup) {
                continue;
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .collect(Collectors.toList());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for topic " + topic.name(), e);
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            return; // compacted topics are keyed; an unkeyed record cannot be addressed and is
            // ignored
        }
        String key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
        V value =
                r.value() == null
                        ? null
                        : topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
        V before = value == null ? values.remove(key) : values.put(key, value);
        for (BiConsumer<String, @Nullable V> l : listeners) {
            l.accept(key, value);
        }
        for (ChangeListener<V> l : changeListeners) {
            l.changed(key, before, value);
        }
    }

    /** Why the view stopped, if it stopped on an error. */
    public @Nullable RuntimeException failure() {
        return failure;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        KafkaConsumer<byte[], byte[]> o = offsetsConsumer;
        if (o != null) {
            o.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For diagnostics: the positions this view has read up to. */
    public Map<TopicPartition, Long> positions() {
        return new HashMap<>(positions);
    }
}
