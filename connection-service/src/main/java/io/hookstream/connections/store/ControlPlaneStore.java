package io.hookstream.connections.store;

import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.topic.CompactedTopicView;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.Topic;
import io.hookstream.support.kafka.TopicViews;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The control plane's state: Kafka is the database. Reads come from views of the compacted topics;
 * a write completes once the broker acknowledged it (acks=all) and this service's own view has read
 * it, so that a client that reads right after a write sees it. The view is told where the record
 * landed, so waiting for it costs the view's next fetch and no end-offset look-up.
 */
public final class ControlPlaneStore implements DisposableBean {

    private final KafkaProducer<byte[], byte[]> producer;
    private final HookstreamTopics topics;
    private final Duration timeout;
    private final CompactedTopicView<App> apps;
    private final CompactedTopicView<Hook> hooks;
    private final CompactedTopicView<Connection> connections;
    private final HookIndex hookIndex = new HookIndex();

    public ControlPlaneStore(
            String bootstrapServers,
            String clientId,
            HookstreamTopics topics,
            TopicViews views,
            Duration timeout) {
        this.topics = topics;
        this.timeout = timeout;
        this.apps = views.open(topics.apps());
        this.hooks = views.open(topics.hooks(), java.util.List.of(hookIndex));
        this.connections = views.open(topics.connections());
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
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                (int) timeout.toMillis(),
                                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                                (int) timeout.toMillis() + 1000,
                                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                (int) timeout.toMillis()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
    }

    public @Nullable App app(String appId) {
        return apps.get(appId);
    }

    public java.util.Collection<App> apps() {
        return apps.values();
    }

    public @Nullable Hook hook(String hookId) {
        return hooks.get(hookId);
    }

    public java.util.Collection<Hook> hooks() {
        return hooks.values();
    }

    /** Hook ids in order, by app and by user: pages of hooks without a scan of every hook. */
    public HookIndex hookIndex() {
        return hookIndex;
    }

    public @Nullable Connection connection(String connectionId) {
        return connections.get(connectionId);
    }

    public java.util.Collection<Connection> connections() {
        return connections.values();
    }

    public Mono<Void> putApp(App app) {
        return write(topics.apps(), app.getAppId(), app, apps);
    }

    public Mono<Void> putHook(Hook hook) {
        return write(topics.hooks(), hook.getHookId(), hook, hooks);
    }

    public Mono<Void> putConnection(Connection connection) {
        return write(topics.connections(), connection.getConnectionId(), connection, connections);
    }

    /** Writes a tombstone: compaction drops the connection, and its stored credentials with it. */
    /** A tombstone: the app disappears from every view and, compacted, from the topic. */
    public Mono<Void> deleteApp(String appId) {
        return write(topics.apps(), appId, null, apps);
    }

    public Mono<Void> deleteConnection(String connectionId) {
        return write(topics.connections(), connectionId, null, connections);
    }

    /** Waits until the views have loaded what existed when the service started. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return apps.awaitInitialLoad(timeout)
                && hooks.awaitInitialLoad(timeout)
                && connections.awaitInitialLoad(timeout);
    }

    private <V> Mono<Void> write(
            Topic<String, V> topic, String key, @Nullable V value, CompactedTopicView<V> view) {
        byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] v =
                value == null
                        ? null
                        : topic.valueSerde().serializer().serialize(topic.name(), value);
        // send() can block for metadata while the broker is away: keep it off the event loop
        return Mono.<RecordMetadata>create(
                        sink ->
                                producer.send(
                                        new ProducerRecord<>(topic.name(), k, v),
                                        (md, error) -> {
                                            if (error != null) {
                                                sink.error(error);
                                            } else {
                                                sink.success(md);
                                            }
                                        }))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(
                        written ->
                                Mono.fromFuture(
                                        () ->
                                                view.awaitOffset(
                                                        written.partition(), written.offset())))
                .timeout(timeout)
                .then();
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
