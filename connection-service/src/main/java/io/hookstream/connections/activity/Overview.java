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
 * @param traffic requests per outcome over the last hour, oldest bucket first
 */
public record Overview(
        Instant at,
        List<PartitionLag> routerLag,
        long deadLetters,
        long unmatched,
        List<GroupLag> consumerGroups,
        List<TrafficBucket> traffic) {

    /** How far a group is behind on one partition: the end offset minus its committed offset. */
    public record PartitionLag(String topic, int partition, long lag) {}

    /**
     * What arrived in one interval, counted from the topics' offsets at its two ends rather than by
     * reading records, so it costs the same at any traffic. Counts are of records: a transactional
     * topic's commit markers make them a little high.
     *
     * @param accepted raw events the ingress stored
     * @param refused requests answered without an event (the request log's records, which the
     *     ingress samples under load)
     * @param deadLettered events that became dead letters
     */
    public record TrafficBucket(Instant from, long accepted, long refused, long deadLettered) {}

    /** A group reading trigger topics: the topics, its total lag and its lag per partition. */
    public record GroupLag(
            String groupId, List<String> topics, long lag, List<PartitionLag> partitions) {}
}
