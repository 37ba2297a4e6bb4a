package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live tail: one consumer per control-plane instance reads new request-log entries and event
 * outcomes as they are committed, and every open stream picks its hook's out of them. The consumer
 * starts with the first stream, from the topics' ends. A client that reads slower than traffic
 * comes loses the oldest entries beyond its buffer rather than holding memory or slowing others.
 */
public final class ActivityTail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActivityTail.class);

    /** One entry of the tail: a request of the log or an event's outcome, for one key. */
    private record Entry(String key, String type, Object view) {}

    private final KafkaSettings kafka;
    private final HookstreamTopics topics;
    private final ActivitySettings settings;
    private final Sinks.Many<Entry> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile @Nullable Thread reader;

    public ActivityTail(KafkaSettings kafka, HookstreamTopics topics, ActivitySettings settings) {
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
    }

    /** The requests and outcomes of {@code key} from now on, with a heartbeat every 15 s. */
    public Flux<ServerSentEvent<Object>> of(String key) {
        start();
        Flux<ServerSentEvent<Object>> entries =
                sink.asFlux()
                        .filter(e -> e.key().equals(key))
                        .onBackpressureBuffer(
                                settings.tailBuffer(), e -> {}, BufferOverflowStrategy.DROP_OLDEST)
                        .map(e -> ServerSentEvent.builder(e.view()).event(e.type()).build());
        Flux<ServerSentEvent<Object>> heartbeat =
                Flux.interval(Duration.ofSeconds(15))
                        .map(i -> ServerSentEvent.builder().comment("heartbeat").build());
        return Flux.merge(entries, heartbeat);
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(this::read, "activity-tail");
            t.setDaemon(true);
            reader = t;
            t.start();
        }
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.requests().name(), topics.eventsOutcomes().name())) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    Entry entry = entry(record);
                    if (entry != null) {
                        sink.tryEmitNext(entry);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("event=activity_tail_stopped reason=\"{}\"", e.toString());
            started.set(false);
        }
    }

    private @Nullable Entry entry(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return null;
        }
        try {
            if (record.topic().equals(topics.requests().name())) {
                RequestRecord r =
                        topics.requests()
                                .valueSerde()
                                .deserializer()
                                .deserialize(record.topic(), record.value());
                return new Entry(record.key(), "request", RequestView.of(r));
            }
            EventOutcome o =
                    topics.eventsOutcomes()
                            .valueSerde()
                            .deserializer()
                            .deserialize(record.topic(), record.value());
            return new Entry(record.key(), "outcome", EventView.of(o));
        } catch (RuntimeException e) {
            // a record that does not decode is not shown; the tail goes on
            return null;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        Thread t = reader;
        if (t != null) {
            t.join(Duration.ofSeconds(5).toMillis());
        }
    }
}
