package io.hookstream.operations.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes raw events to the replay topic with an idempotent acks=all producer, so that a retried
 * send never writes an event twice and an acknowledged one survives the loss of a broker. Sends are
 * asynchronous; after {@link #flush()}, {@link #acknowledged()} counts the events the cluster has
 * and {@link #failure()} holds the first error, if any.
 *
 * <p>Each record names where its event came from in the header {@link #REPLAY_OF} or {@link
 * #REDRIVE_OF} ({@code topic:partition:offset}). The value stays as it was, so the router produces
 * the same bundle ids ({@code <eventId>:<index>:<hookId>}) as the first time, and consumers that
 * deduplicate by bundle id see a replay of a delivered event as a duplicate.
 */
public final class ReplayPublisher implements AutoCloseable {

    /** Header on events re-injected by {@code hookstream replay}: the raw record they copy. */
    public static final String REPLAY_OF = "hookstream.replay-of";

    /**
     * Header on events re-injected by {@code hookstream dlq redrive}: the dead letter they come
     * from.
     */
    public static final String REDRIVE_OF = "hookstream.redrive-of";

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<@Nullable Exception> failure = new AtomicReference<>();

    public ReplayPublisher(String bootstrapServers, String topic, String clientId) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends one event, keyed as the ingress keyed it (hookId or appId), so that it lands on the
     * partition the router joins with the hook. Blocks only while the producer's buffer is full.
     *
     * @param headers the headers to carry over; the provenance header is added to a copy
     * @param provenance {@link #REPLAY_OF} or {@link #REDRIVE_OF}
     * @param source {@code topic:partition:offset} of the record the event is taken from
     */
    public void send(byte[] key, byte[] value, Headers headers, String provenance, String source) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(REPLAY_OF);
        copy.remove(REDRIVE_OF);
        copy.add(provenance, source.getBytes(StandardCharsets.UTF_8));
        producer.send(
                new ProducerRecord<>(topic, null, key, value, copy),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    /** Waits until every event sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    /** The first send that failed, once its callback ran; sending should stop then. */
    public @Nullable Exception failure() {
        return failure.get();
    }

    public String topic() {
        return topic;
    }

    /** {@code topic:partition:offset}, the form of the provenance headers. */
    public static String coordinates(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
