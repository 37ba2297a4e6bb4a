package io.hookstream.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.schemas.avro.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The view and the provisioner against a real single-node KRaft broker. */
class CompactedTopicViewTest {

    private static LocalKafka kafka;
    private static Admin admin;
    private static HookstreamTopics topics;

    @BeforeAll
    static void startBroker() throws Exception {
        Path dir = Files.createTempDirectory("view-test-kafka");
        kafka = new LocalKafka(LocalKafkaConfig.builder(dir).port(0).build()).start();
        admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()));
        topics = HookstreamTopics.defaults();
        new TopicProvisioner(admin, new TopicProvisioner.Layout(3, (short) 1, 60_000))
                .ensureSystemTopics(topics.names());
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    void replicationLeftToTheClusterIsOneReplicaOnOneBroker() {
        TopicProvisioner provisioner =
                new TopicProvisioner(
                        admin,
                        new TopicProvisioner.Layout(
                                3,
                                TopicProvisioner.Layout.BY_CLUSTER_SIZE,
                                60_000,
                                "gzip",
                                60_000,
                                TopicProvisioner.Layout.BY_CLUSTER_SIZE));

        assertThat(provisioner.replication())
                .isEqualTo(new TopicProvisioner.Replication((short) 1, (short) 0));
    }

    @Test
    void aMinimumInSyncAboveTheReplicationFactorIsRefused() {
        assertThatThrownBy(
                        () ->
                                new TopicProvisioner.Layout(
                                        3, (short) 1, 60_000, "gzip", 60_000, (short) 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min.insync.replicas 2");
    }

    @Test
    void provisioningCreatesEveryTopicWithItsCleanupPolicyAndIsIdempotent() throws Exception {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, new TopicProvisioner.Layout(3, (short) 1, 60_000));
        provisioner.ensureSystemTopics(topics.names()); // second time: nothing to do, no error
        provisioner.ensureTriggerTopic("hookstream.triggers.u1");
        provisioner.ensureTriggerTopic("hookstream.triggers.u1");

        var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(names)
                .contains(
                        "hookstream.apps",
                        "hookstream.hooks",
                        "hookstream.connections",
                        "hookstream.events.raw",
                        "hookstream.events.replay",
                        "hookstream.events.dlq",
                        "hookstream.events.unmatched",
                        "hookstream.triggers.u1");
        var description =
                admin.describeTopics(List.of("hookstream.hooks", "hookstream.events.raw"))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS);
        // the router joins raw events with hooks, which needs equal partition counts
        assertThat(description.get("hookstream.hooks").partitions())
                .hasSameSizeAs(description.get("hookstream.events.raw").partitions());
        var configs =
                admin.describeConfigs(
                                List.of(
                                        new org.apache.kafka.common.config.ConfigResource(
                                                org.apache.kafka.common.config.ConfigResource.Type
                                                        .TOPIC,
                                                "hookstream.apps")))
                        .all()
                        .get(10, TimeUnit.SECONDS);
        assertThat(configs.values().iterator().next().get("cleanup.policy").value())
                .isEqualTo("compact");
    }

    @Test
    void topicsThatMustBeCoPartitionedAreRefusedWithTheirCountsWhenTheyAreNot() throws Exception {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, new TopicProvisioner.Layout(3, (short) 1, 60_000));
        admin.createTopics(
                        List.of(
                                new org.apache.kafka.clients.admin.NewTopic(
                                        "layout.two", 2, (short) 1)))
                .all()
                .get(10, TimeUnit.SECONDS);

        provisioner.requireCoPartitioned(
                List.of("hookstream.events.raw", "hookstream.events.replay", "hookstream.hooks"));
        assertThatThrownBy(
                        () ->
                                provisioner.requireCoPartitioned(
                                        List.of(
                                                "hookstream.events.raw",
                                                "layout.two",
                                                "hookstream.hooks")))
                .isInstanceOf(TopicLayoutException.class)
                .hasMessageContaining("[hookstream.events.raw, layout.two, hookstream.hooks]")
                .hasMessageContaining("[3, 2, 3]");
    }

    @Test
    void theCoPartitioningCheckWaitsForATopicThatIsNotVisibleYetInsteadOfFailing()
            throws Exception {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, new TopicProvisioner.Layout(3, (short) 1, 60_000));
        // the check starts before the topic exists, as it can right after provisioning on a fresh
        // broker
        var check =
                java.util.concurrent.CompletableFuture.runAsync(
                        () ->
                                provisioner.requireCoPartitioned(
                                        List.of("hookstream.events.raw", "layout.late"),
                                        Duration.ofSeconds(30)));
        Thread.sleep(300);
        assertThat(check).isNotDone();
        admin.createTopics(
                        List.of(
                                new org.apache.kafka.clients.admin.NewTopic(
                                        "layout.late", 3, (short) 1)))
                .all()
                .get(10, TimeUnit.SECONDS);

        check.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTopicThatNeverAppearsIsRefusedByNameOnceTheWaitIsOver() {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, new TopicProvisioner.Layout(3, (short) 1, 60_000));

        assertThatThrownBy(
                        () ->
                                provisioner.requireCoPartitioned(
                                        List.of("hookstream.events.raw", "layout.missing"),
                                        Duration.ofMillis(400)))
                .isInstanceOf(TopicLayoutException.class)
                .hasMessageContaining("layout.missing")
                .hasMessageContaining("400 ms");
    }

    @Test
    void viewLoadsTheTopicAppliesTombstonesAndCatchesUpWithLaterWrites() throws Exception {
        Topic<String, App> apps = topics.apps();
        try (KafkaProducer<String, App> producer = producer(apps)) {
            producer.send(new ProducerRecord<>(apps.name(), "a", app("a", 1))).get();
            producer.send(new ProducerRecord<>(apps.name(), "b", app("b", 1))).get();
            producer.send(new ProducerRecord<>(apps.name(), "a", app("a", 2))).get();
            producer.send(new ProducerRecord<>(apps.name(), "b", null)).get();

            List<String> changes = new CopyOnWriteArrayList<>();
            try (CompactedTopicView<App> view =
                    new CompactedTopicView<>(apps, kafka.bootstrapServers(), "test-view")) {
                view.addListener(
                        (key, value) ->
                                changes.add(
                                        key
                                                + "="
                                                + (value == null
                                                        ? "deleted"
                                                        : value.getVersion())));
                view.start();
                assertThat(view.awaitInitialLoad(Duration.ofSeconds(30))).isTrue();

                assertThat(view.get("a").getVersion()).isEqualTo(2);
                assertThat(view.get("b")).isNull();
                // Kafka orders records per key (partition), not across keys
                assertThat(changes)
                        .hasSize(4)
                        .containsSubsequence("a=1", "a=2")
                        .containsSubsequence("b=1", "b=deleted");

                // read-your-writes: once catchUp completes, a write acknowledged before it is
                // visible
                producer.send(new ProducerRecord<>(apps.name(), "c", app("c", 7))).get();
                assertThat(view.catchUp().get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(view.get("c").getVersion()).isEqualTo(7);
                assertThat(view.size()).isEqualTo(2);
            }
        }
    }

    @Test
    void everyCatchUpSeesWritesAcknowledgedBeforeItWasCalledEvenRightAfterAnother()
            throws Exception {
        Topic<String, App> apps = topics.apps();
        try (KafkaProducer<String, App> producer = producer(apps);
                CompactedTopicView<App> view =
                        new CompactedTopicView<>(apps, kafka.bootstrapServers(), "ryw-view")
                                .start()) {
            assertThat(view.awaitInitialLoad(Duration.ofSeconds(30))).isTrue();
            for (int i = 0; i < 20; i++) {
                // back to back: each write lands just after the previous catch-up completed
                producer.send(new ProducerRecord<>(apps.name(), "ryw-" + i, app("ryw-" + i, i)))
                        .get();
                assertThat(view.catchUp().get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(view.get("ryw-" + i))
                        .as("write %d visible after catchUp", i)
                        .isNotNull();
            }
        }
    }

    @Test
    void aWriterThatWaitsForItsOwnOffsetSeesItsWriteAndChangeListenersSeeWhatWasReplaced()
            throws Exception {
        // a topic of its own: the other tests count every change of the apps topic
        Topic<String, App> apps =
                new Topic<>("offset-apps", topics.apps().keySerde(), topics.apps().valueSerde());
        admin.createTopics(
                        List.of(
                                new org.apache.kafka.clients.admin.NewTopic(
                                        "offset-apps", 3, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        List<String> changes = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, App> producer = producer(apps);
                CompactedTopicView<App> view =
                        new CompactedTopicView<>(apps, kafka.bootstrapServers(), "offset-view")) {
            view.addChangeListener(
                    (key, before, after) -> {
                        if (key.startsWith("own-")) {
                            changes.add(
                                    key
                                            + ":"
                                            + (before == null ? "new" : before.getVersion())
                                            + "->"
                                            + (after == null ? "deleted" : after.getVersion()));
                        }
                    });
            view.start();
            assertThat(view.awaitInitialLoad(Duration.ofSeconds(30))).isTrue();
            for (int i = 0; i < 20; i++) {
                // back to back, each waiting only for where its own record landed
                var written =
                        producer.send(new ProducerRecord<>(apps.name(), "own-" + i, app("own", i)))
                                .get();
                assertThat(
                                view.awaitOffset(written.partition(), written.offset())
                                        .get(30, TimeUnit.SECONDS))
                        .isTrue();
                assertThat(view.get("own-" + i)).as("write %d visible", i).isNotNull();
            }
            var replaced =
                    producer.send(new ProducerRecord<>(apps.name(), "own-0", app("own", 9))).get();
            assertThat(
                            view.awaitOffset(replaced.partition(), replaced.offset())
                                    .get(30, TimeUnit.SECONDS))
                    .isTrue();
            var deleted = producer.send(new ProducerRecord<>(apps.name(), "own-0", null)).get();
            assertThat(
                            view.awaitOffset(deleted.partition(), deleted.offset())
                                    .get(30, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(view.get("own-0")).isNull();
            assertThat(changes)
                    .startsWith("own-0:new->0")
                    .endsWith("own-0:0->9", "own-0:9->deleted");
            // an offset already read answers at once
            assertThat(view.awaitOffset(deleted.partition(), deleted.offset()).isDone()).isTrue();
        }
    }

    @Test
    void aViewThatStopsAnswersWaitsForOffsetsItNeverReadWithFalse() throws Exception {
        CompactedTopicView<App> view =
                new CompactedTopicView<>(topics.apps(), kafka.bootstrapServers(), "stop-view")
                        .start();
        assertThat(view.awaitInitialLoad(Duration.ofSeconds(30))).isTrue();
        // an offset far beyond the end: only the view's stop can answer it
        var pending = view.awaitOffset(0, Long.MAX_VALUE - 1);
        assertThat(pending.isDone()).isFalse();
        view.close();

        assertThat(pending.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(view.awaitOffset(0, 0).get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aClosedViewAnswersCatchUpWithFalseInsteadOfHanging() throws Exception {
        CompactedTopicView<App> view =
                new CompactedTopicView<>(topics.apps(), kafka.bootstrapServers(), "closed-view")
                        .start();
        assertThat(view.awaitInitialLoad(Duration.ofSeconds(30))).isTrue();
        view.close();

        assertThat(view.catchUp().get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(view.isRunning()).isFalse();
    }

    private static KafkaProducer<String, App> producer(Topic<String, App> topic) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    private static App app(String id, long version) {
        return App.newBuilder()
                .setAppId(id)
                .setDefinition("{}")
                .setVersion(version)
                .setUpdatedAt(Instant.EPOCH)
                .build();
    }
}
