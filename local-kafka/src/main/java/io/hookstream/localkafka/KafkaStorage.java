package io.hookstream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a broker's storage the way {@code kafka-storage.sh format} does, once per data directory.
 */
final class KafkaStorage {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);

    private KafkaStorage() {}

    /**
     * Formats {@code logDir}, which holds both the partitions and the metadata log, with a new
     * random cluster id (or the cluster's, for a node of a cluster) unless it already holds a
     * {@code meta.properties}, in which case the broker validates and reuses it on startup.
     */
    static void formatIfNeeded(Path logDir, @Nullable ClusterMembership membership) {
        Path meta = logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (Files.exists(meta)) {
            log.debug("Reusing formatted Kafka storage dir={}", logDir);
            return;
        }
        String clusterId =
                membership == null ? Uuid.randomUuid().toString() : membership.clusterId();
        int nodeId = membership == null ? BrokerSettings.NODE_ID : membership.nodeId();
        // the formatter reports to a print stream meant for a terminal; keep that off the
        // launcher's stdout
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new LocalKafkaException("cannot format Kafka storage in " + logDir, e);
        }
        log.info("Formatted Kafka storage dir={} clusterId={}", logDir, clusterId);
        log.debug(
                "Kafka storage formatter report: {}",
                report.toString(StandardCharsets.UTF_8).strip());
    }
}
