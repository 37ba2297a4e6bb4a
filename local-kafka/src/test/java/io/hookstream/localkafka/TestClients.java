package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against a test broker, configured as Hookstream's services use them. */
final class TestClients {

    /** Generous: a loaded build machine may be slow, and a passing run never waits this long. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TestClients() {}

    static void createTopic(String bootstrap, String topic, int partitions) {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot create topic " + topic, e);
        }
    }

    static Set<String> topics(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            return admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot list topics", e);
        }
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * An idempotent producer that waits for every in-sync replica, as the ingress publishes raw
     * events.
     */
    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                producerConfig(bootstrap), new StringSerializer(), new StringSerializer());
    }

    static KafkaProducer<String, String> transactionalProducer(
            String bootstrap, String transactionalId) {
        Map<String, Object> config = producerConfig(bootstrap);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    static void send(String bootstrap, String topic, Map<String, String> records) {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (Map.Entry<String, String> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))
                        .get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot produce to " + topic, e);
        }
    }

    /**
     * Every record of {@code topic} from the beginning up to its end at the time of the call, as
     * {@code key=value}.
     */
    static List<String> readCommitted(String bootstrap, String topic) {
        return readAll(bootstrap, topic, "read_committed");
    }

    static List<String> readUncommitted(String bootstrap, String topic) {
        return readAll(bootstrap, topic, "read_uncommitted");
    }

    private static List<String> readAll(String bootstrap, String topic, String isolation) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, PATIENCE).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                            .toList();
            if (partitions.isEmpty()) {
                fail("topic %s does not exist", topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // for read_committed, the end offsets are the last stable offsets
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream()
                    .anyMatch(tp -> consumer.position(tp, PATIENCE) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    fail(
                            "did not reach the end offsets %s of %s; read so far: %s",
                            end, topic, records);
                }
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }
}
