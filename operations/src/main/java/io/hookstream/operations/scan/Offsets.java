package io.hookstream.operations.scan;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Reads a partition's offset from the per-partition maps the admin and consumer calls answer. */
public final class Offsets {

    private Offsets() {}

    /**
     * The offset of {@code partition}; the maps come from calls that answer for every partition
     * they were asked about, so a missing one is a bug, not a state of the broker.
     */
    public static long of(Map<TopicPartition, Long> offsets, TopicPartition partition) {
        Long offset = offsets.get(partition);
        if (offset == null) {
            throw new IllegalStateException("no offset for " + partition);
        }
        return offset;
    }
}
