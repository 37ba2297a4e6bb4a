package io.hookstream.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the router has applied every hook written so far. The router joins events with a
 * table of the hooks topic, and a hook created a moment ago may not be in that table yet: an event
 * sent right away can then become a dead letter ("no hook ... is known to the router"). Tests that
 * are about something else wait here first. The router's consumer group commits its position on the
 * hooks topic only after the table holds what came before it.
 */
final class RouterBarrier {

    private RouterBarrier() {}

    static void awaitHooksApplied(
            String bootstrapServers,
            String routerApplicationId,
            String hooksTopic,
            Duration timeout)
            throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions =
                    admin.describeTopics(List.of(hooksTopic))
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .get(hooksTopic)
                            .partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(
                    p ->
                            latest.put(
                                    new TopicPartition(hooksTopic, p.partition()),
                                    OffsetSpec.latest()));
            Map<TopicPartition, Long> written = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> written.put(tp, info.offset()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(routerApplicationId)
                                .partitionsToOffsetAndMetadata()
                                .get(10, TimeUnit.SECONDS);
                boolean applied =
                        written.entrySet().stream()
                                .allMatch(
                                        e ->
                                                e.getValue() == 0
                                                        || (committed.get(e.getKey()) != null
                                                                && committed
                                                                                .get(e.getKey())
                                                                                .offset()
                                                                        >= e.getValue()));
                if (applied) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "the router did not apply the hooks "
                                    + written
                                    + " within "
                                    + timeout
                                    + "; committed: "
                                    + committed);
                }
                Thread.sleep(100);
            }
        }
    }
}
