package io.hookstream.connections.activity;

import java.time.Instant;
import java.util.List;

/**
 * The state of the deployment at a glance.
 *
 * @param routerLag events the router has yet to read, per partition of the raw and replay topics
 * @param deadLetters records on the dead-letter topic (within its retention), redriven or not
 * @param unmatched shared items on the unmatched topic (within its retention)
 * @param consumerGroups every consumer group that reads trigger topics, with its lag
 * @param traffic requests and events per outcome over the last minutes
 */
public record Overview(
        Instant at,
        List<PartitionLag> routerLag,
        long deadLetters,
        long unmatched,
        List<GroupLag> consumerGroups,
        Traffic traffic) {

    /** How far a group is behind on one partition: the end offset minus its committed offset. */
    public record PartitionLag(String topic, int partition, long lag) {}

    /** A group reading trigger topics: the topics, its total lag and its lag per partition. */
    public record GroupLag(
            String groupId, List<String> topics, long lag, List<PartitionLag> partitions) {}
}
