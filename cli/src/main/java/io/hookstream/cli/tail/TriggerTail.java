package io.hookstream.cli.tail;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one trigger topic from a fixed starting point and prints each bundle as a JSON line. It
 * assigns every partition itself instead of joining a consumer group: tailing is read-only, so
 * there is no position to commit and nothing to rebalance, and a tail never disturbs the consumers
 * of the topic.
 */
final class TriggerTail {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param bootstrapServers the Kafka cluster
     * @param topic the trigger topic, in any bundle format (CloudEvents binary or structured, Avro)
     * @param userKey on a shared topic, the key (user id) of the records to print; {@code null}
     *     prints all
     * @param fromBeginning start at the earliest record instead of after the latest
     * @param max stop after this many bundles; {@code 0} for no limit
     * @param quietPeriod stop once no bundle arrived for this long; {@code null} to wait forever
     */
    record Options(
            String bootstrapServers,
            String topic,
            @Nullable String userKey,
            boolean fromBeginning,
            long max,
            @Nullable Duration quietPeriod) {}

    private final Options options;
    private final BundleJson json = new BundleJson();

    TriggerTail(Options options) {
        this.options = options;
    }

    /**
     * @return the process exit code: 0 when a stop condition was met, 1 when the topic cannot be
     *     read
     */
    int run(PrintWriter out, PrintWriter err) {
        String topic = options.topic();
        try (KafkaConsumer<String, Bundle> consumer =
                new KafkaConsumer<>(
                        consumerConfig(), new StringDeserializer(), new BundleReader())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            if (partitions.isEmpty()) {
                err.println(
                        "Topic "
                                + topic
                                + " does not exist at "
                                + options.bootstrapServers()
                                + ".");
                err.flush();
                return 1;
            }
            consumer.assign(partitions);
            if (options.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            follow(consumer, out, err);
            return 0;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            err.println(
                    "Kafka at "
                            + options.bootstrapServers()
                            + " did not answer: "
                            + e.getMessage());
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println(
                    "Cannot read "
                            + topic
                            + " at "
                            + options.bootstrapServers()
                            + ": "
                            + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private void follow(KafkaConsumer<String, Bundle> consumer, PrintWriter out, PrintWriter err) {
        long printed = 0;
        long lastBundle = System.nanoTime();
        while (options.max() == 0 || printed < options.max()) {
            if (options.quietPeriod() != null
                    && System.nanoTime() - lastBundle >= options.quietPeriod().toNanos()) {
                return;
            }
            ConsumerRecords<String, Bundle> records;
            try {
                records = consumer.poll(POLL_INTERVAL);
            } catch (RecordDeserializationException e) {
                // One unreadable record must not end the tail; say where it is so it can be
                // inspected.
                err.println(
                        "Skipping a record that is not a TriggerBundle in any format at "
                                + e.topicPartition()
                                + " offset "
                                + e.offset()
                                + ": "
                                + e.getMessage());
                err.flush();
                consumer.seek(e.topicPartition(), e.offset() + 1);
                continue;
            }
            for (ConsumerRecord<String, Bundle> record : records) {
                Bundle bundle = record.value();
                if (bundle == null
                        || (options.userKey() != null && !options.userKey().equals(record.key()))) {
                    continue;
                }
                BundleJson.Rendered line = json.render(bundle);
                out.println(line.json());
                if (!line.outputIsJson()) {
                    err.println(
                            "Bundle "
                                    + bundle.bundleId()
                                    + " has an output that is not JSON; printed as a string.");
                }
                printed++;
                lastBundle = System.nanoTime();
                if (printed == options.max()) {
                    break;
                }
            }
            out.flush();
            err.flush();
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hookstream-tail");
        // Bundles of aborted router transactions were never delivered; showing them would mislead.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Looking at a topic that does not exist must not create it.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }
}
