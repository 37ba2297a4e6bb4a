package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.RunningControlPlane.Answer;
import io.hookstream.schemas.avro.Hook;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * With {@code trigger-strategy=shared} every hook's bundles go to the one partitioned {@code
 * hookstream.triggers}.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1",
            "group.initial.rebalance.delay.ms=0"
        })
class SharedTriggerStrategyTest {

    @Test
    void hooksOfEveryUserShareOneTriggerTopic(EmbeddedKafkaBroker broker) throws Exception {
        try (RunningControlPlane control =
                        RunningControlPlane.start(
                                broker.getBrokersAsString(),
                                "--hookstream.control.trigger-strategy=shared");
                Admin admin =
                        Admin.create(
                                Map.<String, Object>of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        broker.getBrokersAsString()))) {
            control.putApp(
                    "shop",
                    "{\"webhooks\": {\"orders\": {\"type\": \"dedicated\", \"spec\": {}}}}");

            Answer alice =
                    control.post(
                            "/api/hooks",
                            "{\"appId\":\"shop\",\"webhook\":\"orders\",\"userId\":\"alice\"}");
            Answer bob =
                    control.post(
                            "/api/hooks",
                            "{\"appId\":\"shop\",\"webhook\":\"orders\",\"userId\":\"bob\"}");

            assertThat(alice.status()).as(alice.body()).isEqualTo(201);
            assertThat(bob.status()).as(bob.body()).isEqualTo(201);
            assertThat(alice.text("triggerTopic")).isEqualTo("hookstream.triggers");
            assertThat(bob.text("triggerTopic")).isEqualTo("hookstream.triggers");
            Map<String, Hook> hooks = control.latest(RunningControlPlane.TOPICS.hooks());
            assertThat(hooks.get(alice.text("hookId")).getTriggerTopic())
                    .isEqualTo("hookstream.triggers");
            assertThat(hooks.get(bob.text("hookId")).getTriggerTopic())
                    .isEqualTo("hookstream.triggers");
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics)
                    .contains("hookstream.triggers")
                    .doesNotContain("hookstream.triggers.alice", "hookstream.triggers.bob");
        }
    }
}
