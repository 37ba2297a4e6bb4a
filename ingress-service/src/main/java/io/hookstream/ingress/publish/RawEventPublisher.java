package io.hookstream.ingress.publish;

import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.topic.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Publishes raw events and completes only when every in-sync replica has them (acks=all,
 * idempotent).
 *
 * <p>{@link KafkaProducer#send} blocks while it waits for topic metadata (a broker that is down) or
 * for room in its buffer (a broker that is slow), and an HTTP event loop must never block. So a
 * send runs on the caller's thread only while neither can happen: the broker acknowledged a send
 * within the last {@link #HEALTHY_FOR} (so the topic's metadata is cached), nothing failed or timed
 * out since, and at least a quarter of the buffer is free. Otherwise it is handed to one dedicated
 * thread, which may block. The hand-off costs a thread wake-up per request, which is why it is not
 * the only path. Every send is bounded by {@code timeout}: the caller answers 503 rather than wait
 * for a broker that does not answer.
 */
public final class RawEventPublisher implements DisposableBean {

    /** How long after the last acknowledgement sends still go straight from the caller's thread. */
    static final Duration HEALTHY_FOR = Duration.ofSeconds(30);

    private static final long HEALTHY_FOR_NANOS = HEALTHY_FOR.toNanos();

    private final KafkaProducer<String, RawWebhookEvent> producer;
    private final Topic<String, RawWebhookEvent> topic;
    private final Duration timeout;
    private final Mono<RecordMetadata> timedOut;
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "ingress-publish");
                        t.setDaemon(true);
                        return t;
                    });
    private final Metric bufferAvailable;
    private final long minFreeBuffer;
    // nanoTime of the last acknowledgement; 0 until the first one, and again after any failure or
    // timeout
    private final AtomicLong lastAck = new AtomicLong();

    /**
     * How raw events are batched on their way to the broker.
     *
     * @param linger how long a batch waits for more events; every acknowledgement waits at least
     *     this long
     * @param compression the batches' compression ({@code none}, {@code lz4}, {@code zstd}, ...)
     * @param batchBytes the most bytes one partition's batch holds before it is sent without
     *     waiting for {@code linger}
     */
    public record Batching(Duration linger, String compression, int batchBytes) {

        public Batching {
            if (linger.isNegative() || batchBytes < 1) {
                throw new IllegalArgumentException(
                        "linger must not be negative and the batch size must be positive");
            }
        }
    }

    public RawEventPublisher(
            String bootstrapServers,
            String clientId,
            Topic<String, RawWebhookEvent> topic,
            Duration timeout,
            Batching batching) {
        this.topic = topic;
        this.timeout = timeout;
        this.timedOut =
                Mono.error(
                        () ->
                                new TimeoutException(
                                        "no acknowledgement from the broker within "
                                                + timeout.toMillis()
                                                + " ms"));
        int timeoutMs = (int) Math.max(1000, timeout.toMillis());
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.CLIENT_ID_CONFIG,
                                clientId,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                (int) batching.linger().toMillis(),
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                batching.compression(),
                                ProducerConfig.BATCH_SIZE_CONFIG,
                                batching.batchBytes(),
                                // the producer gives up on its own shortly after the caller stopped
                                // waiting
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                timeoutMs,
                                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                timeoutMs,
                                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                                timeoutMs + 1000),
                        topic.keySerde().serializer(),
                        topic.valueSerde().serializer());
        this.bufferAvailable =
                producer.metrics().entrySet().stream()
                        .filter(
                                m ->
                                        m.getKey().group().equals("producer-metrics")
                                                && m.getKey()
                                                        .name()
                                                        .equals("buffer-available-bytes"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the Kafka producer reports no buffer-available-bytes"));
        this.minFreeBuffer = ((Number) bufferAvailable.metricValue()).longValue() / 4;
    }

    /**
     * Completes when the broker acknowledged the event; errors with the send failure or a timeout.
     * A send still waiting for the sender thread when its request was answered (503 after the
     * timeout) is skipped: the sender was told to retry, and storing it anyway would make that
     * retry a second event.
     *
     * @param scheduler where the outcome is delivered and the timeout runs: the caller's own event
     *     loop, so that the answer is written there rather than on the producer's network thread
     */
    public Mono<RecordMetadata> publish(String key, RawWebhookEvent event, Scheduler scheduler) {
        return Mono.<RecordMetadata>create(
                        sink -> {
                            AtomicBoolean answered = new AtomicBoolean();
                            // cancelled by the timeout (the request is answered 503), or done:
                            // either way no send is due any more
                            sink.onDispose(() -> answered.set(true));
                            if (sendsDirectly()) {
                                send(key, event, sink, answered, scheduler);
                            } else {
                                sender.execute(() -> send(key, event, sink, answered, scheduler));
                            }
                        })
                // with a fallback, Reactor does not name the operator chain for its own timeout
                // message on every
                // subscription, which with the body read timeout took 3.5 % of the ingress samples
                // of a dedicated hook
                .timeout(timeout, timedOut, scheduler)
                .doOnError(e -> lastAck.set(0));
    }

    /**
     * Whether a send now cannot block: recent acknowledgements, no failure since, room in the
     * buffer.
     */
    boolean sendsDirectly() {
        long last = lastAck.get();
        return last != 0
                && System.nanoTime() - last < HEALTHY_FOR_NANOS
                && ((Number) bufferAvailable.metricValue()).longValue() >= minFreeBuffer;
    }

    private void send(
            String key,
            RawWebhookEvent event,
            MonoSink<RecordMetadata> sink,
            AtomicBoolean answered,
            Scheduler scheduler) {
        if (answered.get()) {
            return;
        }
        try {
            // the callback runs on the producer's only network thread: hand the outcome over at
            // once
            producer.send(
                    new ProducerRecord<>(topic.name(), key, event),
                    (metadata, error) -> {
                        lastAck.set(error == null ? System.nanoTime() : 0);
                        Runnable outcome =
                                () -> {
                                    if (error != null) {
                                        sink.error(error);
                                    } else {
                                        sink.success(metadata);
                                    }
                                };
                        try {
                            scheduler.schedule(outcome);
                        } catch (RejectedExecutionException stopping) {
                            // the event loop is shutting down: deliver here rather than leave the
                            // request hanging
                            outcome.run();
                        }
                    });
        } catch (RuntimeException e) {
            sink.error(e);
        }
    }

    public String topicName() {
        return topic.name();
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        producer.close(Duration.ofSeconds(5));
    }
}
