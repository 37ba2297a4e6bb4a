package io.hookstream.operations.deadletters;

import io.hookstream.operations.replay.ReplayPublisher;
import io.hookstream.operations.scan.TopicScan;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Re-injects the raw events of dead letters into the replay topic, each dead letter at most once.
 *
 * <p>What has been redriven is read from the replay topic itself ({@link RedriveLog}), so a redrive
 * that stopped half-way (a crash, a lost broker) can simply be run again, a filter leaves the other
 * dead letters pending, and an event that fails again becomes a new dead letter (a new offset),
 * which a later redrive, after the next fix, picks up. Two redrives must not run at the same time;
 * neither would see the other's records.
 */
public final class DeadLetterRedrive {

    /** How many published events apart the progress is reported. */
    private static final int PROGRESS_EVERY = 100;

    /**
     * @param deadLetters every dead letter read
     * @param matched those the filter selects
     * @param alreadyRedriven of those, the ones a redrive published before
     * @param redriven the ones this redrive published (acknowledged by the cluster)
     */
    public record Counts(long deadLetters, long matched, long alreadyRedriven, long redriven) {

        /** What is pending: matched and not yet redriven. */
        public long toRedrive() {
            return matched - alreadyRedriven;
        }
    }

    /**
     * @param failure the error that stopped the redrive early; running it again redrives only what
     *     is still pending
     */
    public record Result(Counts counts, boolean dryRun, @Nullable Exception failure) {

        /** Every pending dead letter was redriven (or counted, in a dry run). */
        public boolean complete() {
            return failure == null && (dryRun || counts.redriven() == counts.toRedrive());
        }
    }

    private final DeadLetterTopics topics;
    private final String clientId;
    private final DeadLetterReader letters;
    private final Serializer<RawWebhookEvent> events =
            AvroSerde.of(RawWebhookEvent.class).serializer();

    /**
     * @param warnings told about each record of the dead-letter topic that cannot be read
     */
    public DeadLetterRedrive(DeadLetterTopics topics, String clientId, Consumer<String> warnings) {
        this.topics = topics;
        this.clientId = clientId;
        this.letters = new DeadLetterReader(warnings);
    }

    /**
     * Counts the dead letters the filter selects and, unless {@code dryRun}, redrives the pending
     * ones.
     *
     * @param progress told the counts once they are known and then as events are published
     * @throws io.hookstream.operations.scan.MissingTopicException if a topic does not exist
     * @throws org.apache.kafka.common.KafkaException if the cluster cannot be read
     */
    public Result run(DeadLetterFilter filter, boolean dryRun, Consumer<Counts> progress) {
        try (TopicScan scan = new TopicScan(topics.bootstrapServers(), clientId)) {
            List<TopicPartition> dlq = topics.dlqPartitions(scan);
            List<TopicPartition> replay = topics.replayPartitions(scan);
            Pending pending =
                    pending(scan, filter, scan.beginningOffsets(dlq), scan.endOffsets(dlq));
            Set<String> redriven =
                    RedriveLog.redrivenAmong(
                            scan, replay, pending.matched(), pending.oldestTimestamp());
            Counts counted =
                    new Counts(pending.total(), pending.matched().size(), redriven.size(), 0);
            progress.accept(counted);
            if (dryRun || counted.toRedrive() == 0) {
                return new Result(counted, dryRun, null);
            }
            try (ReplayPublisher publisher =
                    new ReplayPublisher(
                            topics.bootstrapServers(), topics.replayTopic(), clientId)) {
                redrive(scan, pending, redriven, publisher, counted, progress);
                publisher.flush();
                Counts done =
                        new Counts(
                                counted.deadLetters(),
                                counted.matched(),
                                counted.alreadyRedriven(),
                                publisher.acknowledged());
                progress.accept(done);
                return new Result(done, false, publisher.failure());
            }
        }
    }

    /**
     * The dead letters that match, by coordinates, with the offset range per partition that holds
     * them and the oldest record time among them. Only coordinates are kept: events can be large,
     * and are read again to publish.
     */
    private record Pending(
            long total,
            Set<String> matched,
            Map<TopicPartition, Long> first,
            Map<TopicPartition, Long> afterLast,
            long oldestTimestamp) {}

    private Pending pending(
            TopicScan scan,
            DeadLetterFilter filter,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to) {
        long[] total = {0};
        long[] oldest = {Long.MAX_VALUE};
        Set<String> matched = new HashSet<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, Long> afterLast = new HashMap<>();
        scan.scan(
                from,
                to,
                record -> {
                    DeadLetter letter = letters.read(record);
                    if (letter != null) {
                        total[0]++;
                        DeadLetterId id = new DeadLetterId(record.partition(), record.offset());
                        if (filter.matches(id, letter)) {
                            TopicPartition partition =
                                    new TopicPartition(record.topic(), record.partition());
                            matched.add(id.coordinates(record.topic()));
                            first.putIfAbsent(partition, record.offset());
                            afterLast.put(partition, record.offset() + 1);
                            oldest[0] = Math.min(oldest[0], record.timestamp());
                        }
                    }
                    return true;
                });
        return new Pending(total[0], matched, first, afterLast, oldest[0]);
    }

    private void redrive(
            TopicScan scan,
            Pending pending,
            Set<String> redriven,
            ReplayPublisher publisher,
            Counts counted,
            Consumer<Counts> progress) {
        long[] sent = {0};
        scan.scan(
                pending.first(),
                pending.afterLast(),
                record -> {
                    String source =
                            ReplayPublisher.coordinates(
                                    record.topic(), record.partition(), record.offset());
                    if (!pending.matched().contains(source) || redriven.contains(source)) {
                        return true;
                    }
                    DeadLetter letter = letters.read(record);
                    if (letter == null) {
                        return true;
                    }
                    RawWebhookEvent event = letter.getEvent();
                    // keyed as the ingress keys it, so that the router joins it with its hook on
                    // the same partition
                    String key = event.getHookId() != null ? event.getHookId() : event.getAppId();
                    publisher.send(
                            key.getBytes(StandardCharsets.UTF_8),
                            events.serialize(topics.replayTopic(), event),
                            new RecordHeaders(),
                            ReplayPublisher.REDRIVE_OF,
                            source);
                    if (++sent[0] % PROGRESS_EVERY == 0) {
                        progress.accept(
                                new Counts(
                                        counted.deadLetters(),
                                        counted.matched(),
                                        counted.alreadyRedriven(),
                                        publisher.acknowledged()));
                    }
                    return publisher.failure() == null;
                });
    }
}
