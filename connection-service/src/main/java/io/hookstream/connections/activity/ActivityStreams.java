package io.hookstream.connections.activity;

import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.kafka.KafkaSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs the activity view and reads its stores. It starts once the API's web server has its port,
 * since that port is what it advertises to the other instances ({@code application.server}), and
 * leaves the group when the control plane stops.
 */
public final class ActivityStreams
        implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActivityStreams.class);

    /** Where a key's entries are: here, at another instance's API, or nowhere yet. */
    public sealed interface Owner {
        record Here() implements Owner {}

        record There(URI api) implements Owner {}

        record Unavailable() implements Owner {}
    }

    private final KafkaSettings kafka;
    private final ActivitySettings settings;
    private final HookstreamTopics topics;
    private volatile @Nullable KafkaStreams streams;
    private volatile @Nullable HostInfo self;
    private volatile @Nullable String scheme;

    public ActivityStreams(
            KafkaSettings kafka, ActivitySettings settings, HookstreamTopics topics) {
        this.kafka = kafka;
        this.settings = settings;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server has a namespace of its own; the API's has none
        if (event.getApplicationContext().getServerNamespace() != null || streams != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        URI advertised =
                URI.create(
                        settings.advertisedUrl() != null
                                ? settings.advertisedUrl()
                                : "http://localhost:" + port);
        HostInfo host =
                new HostInfo(
                        advertised.getHost(),
                        advertised.getPort() > 0
                                ? advertised.getPort()
                                : "https".equals(advertised.getScheme()) ? 443 : 80);
        Path stateDir =
                settings.stateDir() != null
                        ? settings.stateDir()
                        : Path.of(
                                System.getProperty("java.io.tmpdir"),
                                "hookstream-activity",
                                settings.applicationId() + "-" + port);
        KafkaStreams s =
                new KafkaStreams(
                        ActivityTopology.build(topics, settings.retention()),
                        config(host, stateDir));
        s.setStateListener(
                (next, previous) -> log.info("event=activity_state from={} to={}", previous, next));
        self = host;
        scheme = advertised.getScheme();
        streams = s;
        s.start();
    }

    private Properties config(HostInfo host, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // a view may see an entry twice after a crash (at least once); reads drop the copies, which
        // is cheaper than transactions for every entry
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // outcomes are written in the router's transactions: only committed ones are shown
        p.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                "read_committed");
        p.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG,
                kafka.replicationFactor() == TopicProvisioner.Layout.BY_CLUSTER_SIZE
                        ? -1
                        : (int) kafka.replicationFactor());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        return p;
    }

    /** Which instance holds {@code key} in {@code store}. */
    public Owner owner(String store, String key) {
        KafkaStreams s = streams;
        HostInfo here = self;
        if (s == null || here == null || s.state() != KafkaStreams.State.RUNNING) {
            return new Owner.Unavailable();
        }
        KeyQueryMetadata metadata = s.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new Owner.Unavailable();
        }
        HostInfo active = metadata.activeHost();
        if (active.equals(here)) {
            return new Owner.Here();
        }
        return new Owner.There(URI.create(scheme + "://" + active.host() + ":" + active.port()));
    }

    /**
     * The newest entries of {@code key} in this instance's share of {@code store}, newest first;
     * empty when the store is not readable here right now (a rebalance).
     */
    public <V> Optional<List<V>> newest(String store, String key, int limit) {
        KafkaStreams s = streams;
        if (s == null) {
            return Optional.empty();
        }
        try {
            ReadOnlyWindowStore<String, V> windows =
                    s.store(
                            StoreQueryParameters.fromNameAndType(
                                    store, QueryableStoreTypes.<String, V>windowStore()));
            Instant now = Instant.now();
            List<V> found = new ArrayList<>();
            try (WindowStoreIterator<V> it =
                    windows.backwardFetch(
                            key, now.minus(settings.retention()), now.plus(Duration.ofHours(1)))) {
                while (it.hasNext() && found.size() < limit) {
                    found.add(it.next().value);
                }
            }
            return Optional.of(found);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * The counts in this instance's share of the outcome counts from {@code from} on; empty when
     * the store is not readable here right now (a rebalance).
     */
    public Optional<List<OutcomeCount>> localCounts(Instant from) {
        KafkaStreams s = streams;
        if (s == null) {
            return Optional.empty();
        }
        try {
            ReadOnlyWindowStore<String, Long> counts =
                    s.store(
                            StoreQueryParameters.fromNameAndType(
                                    ActivityTopology.OUTCOME_COUNTS,
                                    QueryableStoreTypes.<String, Long>windowStore()));
            List<OutcomeCount> found = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, Long> it =
                    counts.fetchAll(from, Instant.now().plus(Duration.ofHours(1)))) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, Long> next = it.next();
                    found.add(
                            OutcomeCount.of(
                                    next.key.key(), next.key.window().startTime(), next.value));
                }
            }
            return Optional.of(found);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * The API addresses of the other running instances that hold a share of {@code store}: a query
     * over every key asks each of them once.
     */
    public List<URI> otherInstances(String store) {
        KafkaStreams s = streams;
        HostInfo here = self;
        if (s == null || here == null) {
            return List.of();
        }
        return s.metadataForAllStreamsClients().stream()
                .filter(client -> client.stateStoreNames().contains(store))
                .map(client -> client.hostInfo())
                .filter(host -> !host.equals(here))
                .distinct()
                .map(host -> URI.create(scheme + "://" + host.host() + ":" + host.port()))
                .toList();
    }

    @Override
    public void destroy() {
        KafkaStreams s = streams;
        if (s != null) {
            s.close(
                    CloseOptions.timeout(Duration.ofSeconds(10))
                            .withGroupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            streams = null;
        }
    }
}
