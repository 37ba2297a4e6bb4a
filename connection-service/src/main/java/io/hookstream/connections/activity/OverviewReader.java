package io.hookstream.connections.activity;

import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.support.kafka.KafkaSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;

/**
 * Reads the overview from the broker: committed offsets of the router and of every group reading
 * trigger topics against the topics' end offsets, and how many records the dead-letter and
 * unmatched topics hold. Kafka already knows whether downstream consumers keep up; this asks it.
 */
public final class OverviewReader implements DisposableBean {

    private final Admin admin;
    private final TopicNames names;
    private final ActivitySettings settings;
    private final Clock clock;

    public OverviewReader(
            KafkaSettings kafka, TopicNames names, ActivitySettings settings, Clock clock) {
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()));
        this.names = names;
        this.settings = settings;
        this.clock = clock;
    }

    /** Blocking: run it off the event loop. */
    public Overview read(Traffic traffic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long timeout = settings.queryTimeout().toMillis();
        Collection<GroupListing> groups =
                admin.listGroups().all().get(timeout, TimeUnit.MILLISECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (GroupListing group : groups) {
            if (!group.protocol().equals("consumer") && !group.protocol().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get(timeout, TimeUnit.MILLISECONDS);
            committed.put(group.groupId(), offsets);
        }
        List<TopicPartition> held = new ArrayList<>();
        for (String topic : List.of(names.eventsDlq(), names.eventsUnmatched())) {
            var description =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(timeout, TimeUnit.MILLISECONDS)
                            .get(topic);
            if (description != null) {
                description
                        .partitions()
                        .forEach(p -> held.add(new TopicPartition(topic, p.partition())));
            }
        }
        List<TopicPartition> wanted = new ArrayList<>(held);
        committed.values().forEach(o -> wanted.addAll(o.keySet()));
        Map<TopicPartition, Long> ends = offsets(wanted, OffsetSpec.latest(), timeout);
        // only the held topics need their starts: lag is measured from the end
        Map<TopicPartition, Long> starts = offsets(held, OffsetSpec.earliest(), timeout);

        List<Overview.PartitionLag> routerLag = new ArrayList<>();
        List<Overview.GroupLag> consumerGroups = new ArrayList<>();
        for (var group : committed.entrySet()) {
            List<Overview.PartitionLag> lags = new ArrayList<>();
            TreeSet<String> topics = new TreeSet<>();
            for (var offset : group.getValue().entrySet()) {
                TopicPartition tp = offset.getKey();
                if (offset.getValue() == null) {
                    continue;
                }
                long lag = Math.max(0, ends.getOrDefault(tp, 0L) - offset.getValue().offset());
                if (group.getKey().equals(settings.routerGroup())
                        && (tp.topic().equals(names.eventsRaw())
                                || tp.topic().equals(names.eventsReplay()))) {
                    routerLag.add(new Overview.PartitionLag(tp.topic(), tp.partition(), lag));
                } else if (trigger(tp.topic())) {
                    topics.add(tp.topic());
                    lags.add(new Overview.PartitionLag(tp.topic(), tp.partition(), lag));
                }
            }
            if (!lags.isEmpty()) {
                consumerGroups.add(
                        new Overview.GroupLag(
                                group.getKey(),
                                List.copyOf(topics),
                                lags.stream().mapToLong(Overview.PartitionLag::lag).sum(),
                                lags));
            }
        }
        routerLag.sort(
                java.util.Comparator.comparing(Overview.PartitionLag::topic)
                        .thenComparing(Overview.PartitionLag::partition));
        consumerGroups.sort(java.util.Comparator.comparing(Overview.GroupLag::groupId));
        return new Overview(
                clock.instant(),
                routerLag,
                held(names.eventsDlq(), starts, ends),
                held(names.eventsUnmatched(), starts, ends),
                consumerGroups,
                traffic);
    }

    private boolean trigger(String topic) {
        return topic.equals(names.triggersShared()) || topic.startsWith(names.triggerPrefix());
    }

    private static long held(
            String topic, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        long held = 0;
        for (var end : ends.entrySet()) {
            if (end.getKey().topic().equals(topic)) {
                held += end.getValue() - starts.getOrDefault(end.getKey(), 0L);
            }
        }
        return held;
    }

    private Map<TopicPartition, Long> offsets(
            List<TopicPartition> partitions, OffsetSpec spec, long timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
                admin.listOffsets(request).all().get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        found.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
