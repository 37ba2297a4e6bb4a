package io.hookstream.support.kafka;

import io.hookstream.schemas.topic.TopicProvisioner;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where Kafka is and how new topics are laid out; the same keys for every service.
 *
 * @param bootstrapServers the cluster, default {@code 127.0.0.1:9092} (the embedded broker)
 * @param partitions partitions of topics Hookstream creates, default 3
 * @param replicationFactor replicas of topics Hookstream creates; default 0: chosen by the
 *     cluster's size, three on three brokers or more, one per broker below
 * @param rawRetention how long raw events are kept for replay, default 7 days
 * @param startupTimeout how long a service waits for Kafka while starting, default 60 s
 * @param consumerCompression compression of the consumer-facing topics Hookstream creates (trigger
 *     topics, unmatched items), default {@code gzip}: a codec every Kafka client reads without a
 *     plugin; internal topics keep what their producers send (lz4)
 * @param requestRetention how long the request log (refused requests) is kept, default 3 days
 * @param minInsyncReplicas {@code min.insync.replicas} of topics Hookstream creates; default 0: two
 *     when they have three replicas or more, else the broker's default
 */
@ConfigurationProperties("hookstream.kafka")
public record KafkaSettings(
        String bootstrapServers,
        int partitions,
        short replicationFactor,
        Duration rawRetention,
        Duration startupTimeout,
        String consumerCompression,
        Duration requestRetention,
        short minInsyncReplicas) {

    /** What the binder calls: missing keys arrive as null and take their defaults. */
    @ConstructorBinding
    public KafkaSettings(
            @Nullable String bootstrapServers,
            @Nullable Integer partitions,
            @Nullable Short replicationFactor,
            @Nullable Duration rawRetention,
            @Nullable Duration startupTimeout,
            @Nullable String consumerCompression,
            @Nullable Duration requestRetention,
            @Nullable Short minInsyncReplicas) {
        this(
                bootstrapServers == null || bootstrapServers.isBlank()
                        ? "127.0.0.1:9092"
                        : bootstrapServers,
                partitions == null ? 3 : partitions,
                replicationFactor == null
                        ? TopicProvisioner.Layout.BY_CLUSTER_SIZE
                        : replicationFactor,
                rawRetention == null ? Duration.ofDays(7) : rawRetention,
                startupTimeout == null ? Duration.ofSeconds(60) : startupTimeout,
                consumerCompression == null || consumerCompression.isBlank()
                        ? TopicProvisioner.Layout.DEFAULT_CONSUMER_COMPRESSION
                        : consumerCompression,
                requestRetention == null
                        ? Duration.ofMillis(TopicProvisioner.Layout.DEFAULT_REQUEST_RETENTION_MS)
                        : requestRetention,
                minInsyncReplicas == null
                        ? TopicProvisioner.Layout.BY_CLUSTER_SIZE
                        : minInsyncReplicas);
    }

    public TopicProvisioner.Layout layout() {
        return new TopicProvisioner.Layout(
                partitions,
                replicationFactor,
                rawRetention.toMillis(),
                consumerCompression,
                requestRetention.toMillis(),
                minInsyncReplicas);
    }
}
