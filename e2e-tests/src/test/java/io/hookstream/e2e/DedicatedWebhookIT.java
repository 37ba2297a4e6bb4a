package io.hookstream.e2e;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenario on a containerised Kafka, where a Docker engine exists; skipped where none
 * does.
 */
@Testcontainers(disabledWithoutDocker = true)
class DedicatedWebhookIT {

    @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.0");

    @Test
    void aWebhookBecomesExactlyOneBundleOnItsOwnersTriggerTopic() throws Exception {
        new DedicatedWebhookScenario().run(KAFKA.getBootstrapServers());
    }
}
