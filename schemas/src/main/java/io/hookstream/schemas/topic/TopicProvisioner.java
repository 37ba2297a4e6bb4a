package io.hookstream.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Creates Hookstream's topics if they are missing. Every service calls it on start, so that the
 * order in which services start does not matter. Existing topics are left as they are: changing a
 * live topic's partition count would move keys between partitions.
 *
 * <p>{@code events.raw}, {@code events.replay} and {@code hooks} get the same partition count
 * because the router joins them by hookId, which Kafka Streams only allows between co-partitioned
 * topics.
 */
public final class TopicProvisioner {

    /**
     * How many partitions and replicas new topics get, how long raw events are kept, and the
     * compression of new consumer-facing topics (trigger topics, unmatched items).
     *
     * @param consumerCompression the topic-level {@code compression.type} of consumer-facing
     *     topics: the broker stores their batches in this codec whatever the producer sent, so that
     *     clients without lz4 (kafkajs, kafka-python without extras) read them. {@code none} stands
     *     for Kafka's {@code uncompressed}.
     * @param requestRetentionMs how long the request log keeps refused requests
     * @param replicationFactor replicas of each new topic; {@code 0} chooses by the cluster's size:
     *     three where there are three brokers or more, else one per broker
     * @param minInsyncReplicas the {@code min.insync.replicas} of each new topic; {@code 0} chooses
     *     two where topics have three replicas or more (an acknowledged write is then on two
     *     brokers and one broker may be lost), else the broker's default
     */
    public record Layout(
            int partitions,
            short replicationFactor,
            long rawRetentionMs,
            String consumerCompression,
            long requestRetentionMs,
            short minInsyncReplicas) {

        /** A replication factor or minimum ISR chosen by the cluster's size. */
        public static final short BY_CLUSTER_SIZE = 0;

        public static final long DEFAULT_REQUEST_RETENTION_MS = Duration.ofDays(3).toMillis();

        /** See docs/benchmarks.md: the router's throughput with each codec. */
        public static final String DEFAULT_CONSUMER_COMPRESSION = "gzip";

        private static final Set<String> CODECS =
                Set.of("uncompressed", "gzip", "snappy", "lz4", "zstd", "producer");

        public Layout {
            if (partitions < 1 || rawRetentionMs < 1 || requestRetentionMs < 1) {
                throw new IllegalArgumentException("partitions and retention must be positive");
            }
            if (replicationFactor < 0 || minInsyncReplicas < 0) {
                throw new IllegalArgumentException(
                        "replication factor and min.insync.replicas must be positive, or 0 to choose by the cluster's size");
            }
            if (replicationFactor > 0 && minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException(
                        "min.insync.replicas "
                                + minInsyncReplicas
                                + " exceeds the replication factor "
                                + replicationFactor
                                + ": no write could ever be acknowledged");
            }
            consumerCompression = consumerCompression.strip().toLowerCase(java.util.Locale.ROOT);
            if (consumerCompression.equals("none")) {
                consumerCompression = "uncompressed";
            }
            if (!CODECS.contains(consumerCompression)) {
                throw new IllegalArgumentException(
                        "unknown compression "
                                + consumerCompression
                                + "; expected none, gzip, snappy, lz4, zstd or producer");
            }
        }

        public Layout(
                int partitions,
                short replicationFactor,
                long rawRetentionMs,
                String consumerCompression,
                long requestRetentionMs) {
            this(
                    partitions,
                    replicationFactor,
                    rawRetentionMs,
                    consumerCompression,
                    requestRetentionMs,
                    BY_CLUSTER_SIZE);
        }

        public Layout(
                int partitions,
                short replicationFactor,
                long rawRetentionMs,
                String consumerCompression) {
            this(
                    partitions,
                    replicationFactor,
                    rawRetentionMs,
                    consumerCompression,
                    DEFAULT_REQUEST_RETENTION_MS);
        }

        public Layout(int partitions, short replicationFactor, long rawRetentionMs) {
            this(partitions, replicationFactor, rawRetentionMs, DEFAULT_CONSUMER_COMPRESSION);
        }

        public static Layout singleNode() {
            return new Layout(3, (short) 1, java.time.Duration.ofDays(7).toMillis());
        }
    }

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    /**
     * Bounds the memory of the set below; past it the set starts again, costing one look-up each.
     */
    static final int MAX_KNOWN_TRIGGER_TOPICS = 100_000;

    private final Admin admin;
    private final Layout layout;

    /**
     * Trigger topics this instance created or found. Every hook created asks for its topic, and a
     * listing of every topic per create made a burst of creates wait on the broker's metadata (and
     * grew with the number of topics); a topic found once is not asked for again. Topics are never
     * deleted by Hookstream, so a stale entry means one deleted by hand.
     */
    private final Set<String> knownTriggerTopics =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    // resolved on first use: a cluster's size is known only once it answers
    private volatile @Nullable Replication replication;

    /** The replication new topics get, once resolved against the cluster. */
    public record Replication(short factor, short minInsyncReplicas) {}

    public TopicProvisioner(Admin admin, Layout layout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Creates the system topics (control-plane state and event streams) that do not exist yet. */
    public void ensureSystemTopics(TopicNames names) {
        Map<String, String> compacted =
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, String> events =
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(layout.rawRetentionMs()));
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(names.apps(), names.hooks(), names.connections())) {
            topics.add(topic(name, compacted));
        }
        for (String name : List.of(names.eventsRaw(), names.eventsReplay(), names.eventsDlq())) {
            topics.add(topic(name, events));
        }
        Map<String, String> consumerEvents = new java.util.HashMap<>(events);
        consumerEvents.put(TopicConfig.COMPRESSION_TYPE_CONFIG, layout.consumerCompression());
        topics.add(topic(names.eventsUnmatched(), consumerEvents));
        // the request log holds what senders wrote to refused requests: kept briefly
        topics.add(
                topic(
                        names.requests(),
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                Long.toString(layout.requestRetentionMs()))));
        topics.add(topic(names.eventsOutcomes(), events));
        create(topics);
    }

    /**
     * Fails with {@link TopicLayoutException} unless every topic named has the same partition
     * count. Topics this class creates always do; topics created by hand may not, and a router
     * reading the hooks table beside the events of the same partition would then miss the hooks of
     * every partition the events have and the hooks topic lacks.
     */
    public void requireCoPartitioned(List<String> names) {
        requireCoPartitioned(names, VISIBLE_WITHIN);
    }

    /**
     * As {@link #requireCoPartitioned(List)}, waiting up to {@code visibleWithin} for topics the
     * broker does not know yet. A topic whose creation the controller has just acknowledged can
     * stay unknown to the broker answering for a moment, and the router checks right after
     * provisioning.
     */
    public void requireCoPartitioned(List<String> names, Duration visibleWithin) {
        Map<String, TopicDescription> described = describeOnceVisible(names, visibleWithin);
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String name : names) {
            // allTopicNames() answers for every requested name or fails as a whole
            TopicDescription d =
                    Objects.requireNonNull(described.get(name), () -> "no description of " + name);
            partitions.put(name, d.partitions().size());
        }
        if (new HashSet<>(partitions.values()).size() > 1) {
            throw new TopicLayoutException(
                    "topics "
                            + partitions.keySet()
                            + " must have the same partition count, they have "
                            + partitions.values()
                            + "; recreate the ones that differ, or add partitions to them before any key is written");
        }
    }

    private Map<String, TopicDescription> describeOnceVisible(
            List<String> names, Duration visibleWithin) {
        long deadline = System.nanoTime() + visibleWithin.toNanos();
        long backoffMs = 50;
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException(
                            "cannot describe topics " + names + ": " + causeMessage(e),
                            e.getCause());
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TopicLayoutException(
                            "topics "
                                    + names
                                    + " must all exist, and at least one was still unknown to the broker after "
                                    + visibleWithin.toMillis()
                                    + " ms: "
                                    + e.getCause().getMessage());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "cannot describe topics " + names + ": no answer within 30 s", e);
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, 500);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for topics to become visible", e);
        }
    }

    /**
     * Creates a trigger topic (per-user or shared) if it does not exist yet, compressed with the
     * layout's consumer codec. An existing topic keeps its compression: its consumers read it
     * today.
     */
    public void ensureTriggerTopic(String name) {
        if (knownTriggerTopics.contains(name)) {
            return;
        }
        create(
                List.of(
                        topic(
                                name,
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_DELETE,
                                        TopicConfig.COMPRESSION_TYPE_CONFIG,
                                        layout.consumerCompression()))));
        if (knownTriggerTopics.size() >= MAX_KNOWN_TRIGGER_TOPICS) {
            knownTriggerTopics.clear(); // the next call per topic asks the broker again
        }
        knownTriggerTopics.add(name);
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        Replication r = replication();
        Map<String, String> all = new java.util.HashMap<>(configs);
        if (r.minInsyncReplicas() > 0) {
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Short.toString(r.minInsyncReplicas()));
        }
        return new NewTopic(name, layout.partitions(), r.factor()).configs(all);
    }

    /**
     * The replication of new topics: as configured, or chosen by the number of brokers the cluster
     * has when the layout leaves it to the cluster ({@link Layout#BY_CLUSTER_SIZE}).
     */
    public Replication replication() {
        Replication known = replication;
        if (known != null) {
            return known;
        }
        short factor = layout.replicationFactor();
        if (factor == Layout.BY_CLUSTER_SIZE) {
            factor = (short) Math.min(3, brokers());
        }
        short minInsync = layout.minInsyncReplicas();
        if (minInsync == Layout.BY_CLUSTER_SIZE) {
            // 0 leaves the broker's default, which suits one or two replicas
            minInsync = factor >= 3 ? (short) 2 : 0;
        }
        Replication resolved = new Replication(factor, minInsync);
        replication = resolved;
        return resolved;
    }

    private int brokers() {
        try {
            return Math.max(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the cluster: " + e.getMessage(), e);
        }
    }

    private void create(List<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // another service created it between our listing and our request: that is the
                    // goal
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create topic " + entry.getKey() + ": " + causeMessage(e),
                                e.getCause());
                    }
                }
            }
            // what is created is usable once this returns, not just once the controller has it
            describeOnceVisible(missing.stream().map(NewTopic::name).toList(), VISIBLE_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    /** What the admin client's failure says; an ExecutionException without a cause is its own. */
    private static String causeMessage(ExecutionException e) {
        Throwable cause = e.getCause();
        return String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
    }
}
