package example;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Hookstream trigger topics with a plain {@link KafkaConsumer} and the CloudEvents SDK's Kafka
 * deserializer (binary and structured mode alike) and prints each bundle once.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.args="127.0.0.1:9092 hookstream.triggers.alice"
 * </pre>
 */
public final class TriggerConsumer {

    /** Bundle ids already handled; a real consumer keeps them where it keeps its results. */
    private static final int REMEMBERED = 100_000;

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TriggerConsumer <bootstrap-servers> <topic>[,<topic>...]");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hookstream-java-example");
        // bundles of an aborted router transaction were never delivered: never read them
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // offsets are committed after the bundles are handled, so a crash re-reads, never skips
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

        Map<String, Boolean> seen =
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > REMEMBERED;
                    }
                };
        try (KafkaConsumer<String, CloudEvent> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new CloudEventDeserializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            List<String> topics = Arrays.asList(args[1].split(","));
            consumer.subscribe(topics);
            while (true) {
                for (ConsumerRecord<String, CloudEvent> record :
                        consumer.poll(Duration.ofSeconds(1))) {
                    CloudEvent event = record.value();
                    // a replay or a redrive delivers a bundle again, with the same id
                    if (seen.putIfAbsent(event.getId(), Boolean.TRUE) != null) {
                        continue;
                    }
                    String data =
                            event.getData() == null
                                    ? "null"
                                    : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                    System.out.printf(
                            "%s %s user=%s hook=%s item=%s data=%s%n",
                            event.getId(),
                            event.getSource(),
                            event.getExtension("userid"),
                            event.getExtension("hookid"),
                            event.getExtension("itemindex"),
                            data);
                }
                consumer.commitSync();
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // Ctrl-C: the consumer closes and leaves its group
        }
    }
}
