package io.hookstream.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The walking skeleton on an embedded KRaft broker (spring-kafka-test), on every machine. */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1",
            "group.initial.rebalance.delay.ms=0"
        })
class DedicatedWebhookTest {

    @Test
    void aWebhookBecomesExactlyOneBundleOnItsOwnersTriggerTopic(EmbeddedKafkaBroker broker)
            throws Exception {
        new DedicatedWebhookScenario().run(broker.getBrokersAsString());
    }
}
