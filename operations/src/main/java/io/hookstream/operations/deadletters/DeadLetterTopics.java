package io.hookstream.operations.deadletters;

import io.hookstream.operations.scan.MissingTopicException;
import io.hookstream.operations.scan.TopicScan;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Where dead letters are and where redriven events go.
 *
 * @param bootstrapServers the cluster
 * @param dlqTopic the dead-letter topic the router writes
 * @param replayTopic the topic the router reads redriven and replayed events from
 */
public record DeadLetterTopics(String bootstrapServers, String dlqTopic, String replayTopic) {

    List<TopicPartition> dlqPartitions(TopicScan scan) {
        List<TopicPartition> partitions = scan.partitions(dlqTopic);
        if (partitions.isEmpty()) {
            throw new MissingTopicException(
                    dlqTopic, "Topic " + dlqTopic + " does not exist at " + bootstrapServers + ".");
        }
        return partitions;
    }

    List<TopicPartition> replayPartitions(TopicScan scan) {
        List<TopicPartition> partitions = scan.partitions(replayTopic);
        if (partitions.isEmpty()) {
            throw new MissingTopicException(
                    replayTopic,
                    "Topic "
                            + replayTopic
                            + " does not exist at "
                            + bootstrapServers
                            + "; the router creates it when it starts.");
        }
        return partitions;
    }
}
