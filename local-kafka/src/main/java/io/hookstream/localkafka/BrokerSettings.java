package io.hookstream.localkafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker properties of one {@link LocalKafka} start. Keys are Kafka's documented property names
 * rather than the constants in Kafka's server modules, which move between artifacts from release to
 * release.
 */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerSettings() {}

    /** Where the broker keeps its partitions and, as the first log dir, the KRaft metadata log. */
    static Path logDir(LocalKafkaConfig config) {
        return config.dataDir().toAbsolutePath().resolve("logs");
    }

    /** The properties for a start on the given, already chosen, ports. */
    static Map<String, String> properties(LocalKafkaConfig config, int port, int controllerPort) {
        Map<String, String> props = new LinkedHashMap<>();
        ClusterMembership membership = config.membership();
        props.putAll(membership == null ? singleNodeDefaults() : clusterDefaults(membership));
        props.putAll(config.overrides());
        String client = hostPort(config.host(), port);
        String controller = hostPort(config.host(), controllerPort);
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId(config)));
        // A static voter set is read from the configuration on every start, so the controller port
        // may change
        // between restarts; a dynamic quorum would pin the first start's endpoint into the metadata
        // log.
        props.put(
                "controller.quorum.voters",
                membership == null ? NODE_ID + "@" + controller : membership.quorumVoters());
        props.put(
                "listeners",
                CLIENT_LISTENER + "://" + client + "," + CONTROLLER_LISTENER + "://" + controller);
        props.put("advertised.listeners", CLIENT_LISTENER + "://" + client);
        props.put(
                "listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("log.dirs", logDir(config).toString());
        // bounds the broker's own wait for metadata catch-up, which otherwise never gives up
        props.put("server.max.startup.time.ms", Long.toString(config.startTimeout().toMillis()));
        return props;
    }

    /** The node id: {@value #NODE_ID} for a cluster of one. */
    static int nodeId(LocalKafkaConfig config) {
        ClusterMembership membership = config.membership();
        return membership == null ? NODE_ID : membership.nodeId();
    }

    /**
     * What a cluster of several nodes gets: internal topics on three replicas (or as many as there
     * are nodes) with two in sync, the same for topics created without a replication factor, and a
     * failed node noticed within seconds.
     */
    static Map<String, String> clusterDefaults(ClusterMembership membership) {
        Map<String, String> props = new LinkedHashMap<>(singleNodeDefaults());
        String replicas = Integer.toString(membership.internalReplicationFactor());
        String inSync = Integer.toString(membership.minInsyncReplicas());
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", inSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", inSync);
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", inSync);
        // A killed node stays in every ISR, and leads its partitions, until the controller fences
        // it for missing heartbeats (9 s by default); producers with acks=all wait that long. A
        // loopback cluster can afford to notice sooner.
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "500");
        return props;
    }

    /**
     * What a cluster of one needs so that consumer groups, transactions and exactly-once Kafka
     * Streams work: Kafka's defaults assume three replicas and would leave the internal topics
     * unavailable.
     */
    static Map<String, String> singleNodeDefaults() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // One broker gains nothing from 50 coordinator partitions each, and creating them delays
        // the first
        // consumer group and the first transaction by seconds on a small machine.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are provisioned explicitly in Hookstream; a typo should fail rather than create a
        // topic.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    static String hostPort(String host, int port) {
        String literal = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return literal + ":" + port;
    }
}
