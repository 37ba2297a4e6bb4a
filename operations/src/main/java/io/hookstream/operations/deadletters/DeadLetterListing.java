package io.hookstream.operations.deadletters;

import io.hookstream.operations.scan.TopicScan;
import io.hookstream.schemas.avro.DeadLetter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Lists the dead letters a filter selects, newest first, with how they group by error code and
 * hook, and looks one up by its id.
 *
 * <p>A listing reads the whole dead-letter topic (committed records only): dead letters are the
 * exception, kept as long as the topic's retention, and every filter criterion is a field of the
 * record, so there is no index to keep in step. What it holds is bounded by the limit (summaries
 * only, never raw bodies) and {@link #MAX_GROUPS}, not by the size of the topic.
 */
public final class DeadLetterListing {

    /** More distinct (error code, hook) pairs than this are counted together as the rest. */
    public static final int MAX_GROUPS = 1_000;

    /**
     * @param count how many matching dead letters have this error code and hook
     */
    public record Group(
            @Nullable String errorCode, @Nullable String hookId, String appId, long count) {}

    /**
     * @param deadLetters every dead letter read
     * @param matched those the filter selects
     * @param newestFirst the newest of those, as many as asked for
     * @param groups the matching ones by error code and hook, largest first
     * @param ungrouped matching dead letters beyond {@link #MAX_GROUPS} groups
     */
    public record Listing(
            long deadLetters,
            long matched,
            List<DeadLetterSummary> newestFirst,
            List<Group> groups,
            long ungrouped) {}

    /** A dead letter found by id, with its raw event. */
    public record Found(DeadLetterSummary summary, DeadLetter letter) {}

    private record GroupKey(@Nullable String errorCode, @Nullable String hookId, String appId) {}

    /** A summary only, so that a page held while the topic is read holds no raw bodies. */
    private record Candidate(DeadLetterId id, DeadLetterSummary summary, long timestamp) {}

    private static final Comparator<Candidate> OLDEST_FIRST =
            Comparator.comparingLong(Candidate::timestamp)
                    .thenComparingInt(c -> c.id().partition())
                    .thenComparingLong(c -> c.id().offset());

    private final DeadLetterTopics topics;
    private final String clientId;
    private final DeadLetterReader letters;

    public DeadLetterListing(DeadLetterTopics topics, String clientId, Consumer<String> warnings) {
        this.topics = topics;
        this.clientId = clientId;
        this.letters = new DeadLetterReader(warnings);
    }

    /**
     * @throws io.hookstream.operations.scan.MissingTopicException if the dead-letter topic does not
     *     exist
     */
    public Listing list(DeadLetterFilter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        try (TopicScan scan = new TopicScan(topics.bootstrapServers(), clientId)) {
            List<TopicPartition> dlq = topics.dlqPartitions(scan);
            long[] counts = {0, 0, 0};
            Map<GroupKey, Long> groups = new HashMap<>();
            // the newest `limit` so far, the oldest of them on top to be pushed out
            PriorityQueue<Candidate> newest = new PriorityQueue<>(OLDEST_FIRST);
            scan.scan(
                    scan.beginningOffsets(dlq),
                    scan.endOffsets(dlq),
                    record -> {
                        DeadLetter letter = letters.read(record);
                        if (letter == null) {
                            return true;
                        }
                        counts[0]++;
                        DeadLetterId id = new DeadLetterId(record.partition(), record.offset());
                        if (!filter.matches(id, letter)) {
                            return true;
                        }
                        counts[1]++;
                        GroupKey key =
                                new GroupKey(
                                        letter.getErrorCode(),
                                        letter.getHookId(),
                                        letter.getAppId());
                        if (groups.containsKey(key) || groups.size() < MAX_GROUPS) {
                            groups.merge(key, 1L, Long::sum);
                        } else {
                            counts[2]++;
                        }
                        newest.add(
                                new Candidate(
                                        id,
                                        DeadLetterSummary.of(id, letter, false),
                                        record.timestamp()));
                        if (newest.size() > limit) {
                            newest.poll();
                        }
                        return true;
                    });
            List<Candidate> page = new ArrayList<>(newest);
            page.sort(OLDEST_FIRST.reversed());
            Set<String> redriven = redriven(scan, page);
            List<DeadLetterSummary> summaries =
                    page.stream()
                            .map(
                                    c ->
                                            c.summary()
                                                    .withRedriven(
                                                            redriven.contains(
                                                                    c.id().coordinates(
                                                                                    topics
                                                                                            .dlqTopic()))))
                            .toList();
            List<Group> grouped =
                    groups.entrySet().stream()
                            .map(
                                    e ->
                                            new Group(
                                                    e.getKey().errorCode(),
                                                    e.getKey().hookId(),
                                                    e.getKey().appId(),
                                                    e.getValue()))
                            .sorted(Comparator.comparingLong(Group::count).reversed())
                            .toList();
            return new Listing(counts[0], counts[1], summaries, grouped, counts[2]);
        }
    }

    /**
     * The dead letter at {@code id}, or empty when there is none there (never written, deleted by
     * retention, or a transaction marker).
     */
    public Optional<Found> find(DeadLetterId id) {
        try (TopicScan scan = new TopicScan(topics.bootstrapServers(), clientId)) {
            TopicPartition partition = new TopicPartition(topics.dlqTopic(), id.partition());
            if (!topics.dlqPartitions(scan).contains(partition)) {
                return Optional.empty();
            }
            long end = scan.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
            if (id.offset() >= end) {
                return Optional.empty();
            }
            List<DeadLetter> letter = new ArrayList<>(1);
            long[] timestamp = {0};
            scan.scan(
                    Map.of(partition, id.offset()),
                    Map.of(partition, id.offset() + 1),
                    record -> {
                        DeadLetter read =
                                record.offset() == id.offset() ? letters.read(record) : null;
                        if (read != null) {
                            letter.add(read);
                            timestamp[0] = record.timestamp();
                        }
                        return true;
                    });
            if (letter.isEmpty()) {
                return Optional.empty();
            }
            DeadLetterSummary summary = DeadLetterSummary.of(id, letter.get(0), false);
            boolean redriven =
                    !redriven(scan, List.of(new Candidate(id, summary, timestamp[0]))).isEmpty();
            return Optional.of(new Found(summary.withRedriven(redriven), letter.get(0)));
        }
    }

    /** The coordinates of those of {@code page} that a redrive published already. */
    private Set<String> redriven(TopicScan scan, List<Candidate> page) {
        if (page.isEmpty() || scan.partitions(topics.replayTopic()).isEmpty()) {
            return Set.of();
        }
        Set<String> coordinates = new HashSet<>();
        long oldest = Long.MAX_VALUE;
        for (Candidate c : page) {
            coordinates.add(c.id().coordinates(topics.dlqTopic()));
            oldest = Math.min(oldest, c.timestamp());
        }
        return RedriveLog.redrivenAmong(scan, topics.replayPartitions(scan), coordinates, oldest);
    }
}
