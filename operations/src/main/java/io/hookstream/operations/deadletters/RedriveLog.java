package io.hookstream.operations.deadletters;

import io.hookstream.operations.replay.ReplayPublisher;
import io.hookstream.operations.scan.TopicScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * What has been redriven, read from the replay topic itself: every redriven event carries the
 * header {@link ReplayPublisher#REDRIVE_OF} naming its dead letter. So the record that does the
 * redrive is also the record of it, and no offset kept elsewhere can disagree with what was
 * published.
 *
 * <p>Only the part of the replay topic written since the oldest dead letter asked about is read: a
 * dead letter is redriven after it was written, and its record time is at most its write time (the
 * router keeps the raw event's time). The margin covers the clocks of other machines that ran a
 * redrive.
 */
final class RedriveLog {

    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private RedriveLog() {}

    /**
     * The {@code coordinates} (as {@link DeadLetterId#coordinates}) named as redriven already.
     *
     * @param oldestTimestamp the oldest record time among the dead letters asked about
     */
    static Set<String> redrivenAmong(
            TopicScan scan,
            List<TopicPartition> replay,
            Set<String> coordinates,
            long oldestTimestamp) {
        if (coordinates.isEmpty()) {
            return Set.of();
        }
        Map<TopicPartition, Long> ends = scan.endOffsets(replay);
        long since = Math.max(0, oldestTimestamp - CLOCK_MARGIN.toMillis());
        Set<String> found = new HashSet<>();
        scan.scan(
                scan.offsetsAtOrAfter(replay, since, ends),
                ends,
                record -> {
                    for (Header header : record.headers().headers(ReplayPublisher.REDRIVE_OF)) {
                        String source = new String(header.value(), StandardCharsets.UTF_8);
                        if (coordinates.contains(source)) {
                            found.add(source);
                        }
                    }
                    return true;
                });
        return found;
    }
}
