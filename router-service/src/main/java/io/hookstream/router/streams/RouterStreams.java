package io.hookstream.router.streams;

import io.hookstream.router.RouterSettings;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.topology.RouterTopology;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.kafka.KafkaSettings;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the router's {@link KafkaStreams}: configuration, start, state logging and a bounded close.
 */
public final class RouterStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouterStreams.class);

    private final Properties config;
    private final HookstreamTopics topics;
    private final EventRouter router;
    private final RouterSettings settings;
    // null while stopped
    private volatile @Nullable KafkaStreams streams;

    public RouterStreams(
            KafkaSettings kafka,
            RouterSettings settings,
            HookstreamTopics topics,
            EventRouter router) {
        this.settings = settings;
        this.topics = topics;
        this.router = router;
        this.config = config(kafka, settings);
    }

    public static Properties config(KafkaSettings kafka, RouterSettings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        // -1 leaves the internal topics (changelogs, repartitions) to the broker's default
        // replication, which suits a cluster whose size chose the replication of Hookstream's own
        p.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG,
                kafka.replicationFactor() == TopicProvisioner.Layout.BY_CLUSTER_SIZE
                        ? -1
                        : (int) kafka.replicationFactor());
        if (kafka.minInsyncReplicas() != TopicProvisioner.Layout.BY_CLUSTER_SIZE) {
            p.put(
                    StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                    Short.toString(kafka.minInsyncReplicas()));
        }
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // how soon a router that died without leaving hands its partitions to the others; see
        // RouterSettings.DEFAULT_SESSION_TIMEOUT
        long session = settings.sessionTimeout().toMillis();
        p.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) session);
        p.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.min(3_000, session / 3));
        // how long a task may wait for a partition with unread records before it processes the
        // others, so that
        // a hook written just before its first event is read first; see RouterSettings for the
        // measured cost
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, settings.maxTaskIdle().toMillis());
        p.put(
                StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG),
                settings.producerCompression());
        // the hooks topic is already compacted: use it as the store's changelog instead of a copy
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // every store the DSL makes (tables, the foreign-key join's subscriptions) is of the
        // configured kind
        p.put(
                StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                switch (settings.stateStores()) {
                    case ROCKSDB -> BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers.class;
                    case IN_MEMORY -> BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class;
                });
        // a record that is not a raw event at all must not stop the router; it is logged and
        // skipped
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        return p;
    }

    @Override
    public void start() {
        KafkaStreams s = new KafkaStreams(RouterTopology.build(topics, router, config), config);
        s.setStateListener(
                (next, previous) -> log.info("event=router_state from={} to={}", previous, next));
        s.setUncaughtExceptionHandler(
                e -> {
                    log.error(
                            "event=stream_thread_failed action=replace reason=\"{}\"",
                            e.toString(),
                            e);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        s.start();
        streams = s;
    }

    @Override
    public void stop() {
        KafkaStreams s = streams;
        if (s != null) {
            // leave the group, so that a restarted or other instance takes the partitions over at
            // once instead of after the session timeout
            s.close(
                    org.apache.kafka.streams.CloseOptions.timeout(settings.closeTimeout())
                            .withGroupMembershipOperation(
                                    org.apache.kafka.streams.CloseOptions.GroupMembershipOperation
                                            .LEAVE_GROUP));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? KafkaStreams.State.NOT_RUNNING : s.state();
    }
}
