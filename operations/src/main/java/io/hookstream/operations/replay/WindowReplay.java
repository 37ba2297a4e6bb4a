package io.hookstream.operations.replay;

import io.hookstream.operations.scan.MissingTopicException;
import io.hookstream.operations.scan.Offsets;
import io.hookstream.operations.scan.TopicScan;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Copies the raw events of a time window to the replay topic, for the CLI's {@code replay} and the
 * control plane's replay API alike. The window is found per partition with the broker's time index
 * ({@code offsetsForTimes}); each record in it is checked against the window again, because record
 * timestamps are set by the ingress's producer and need not grow strictly with offsets. Records
 * keep their key, value bytes and headers, so replayed events keep their ids and their bundles
 * theirs; the end of the scan is fixed when it starts, so events arriving meanwhile are not chased.
 */
public final class WindowReplay {

    /**
     * What to replay.
     *
     * @param from inclusive
     * @param to exclusive
     * @param hookId only events of this hook; {@code null} for any
     * @param appId only events of this app; {@code null} for any
     */
    public record Window(
            Instant from, Instant to, @Nullable String hookId, @Nullable String appId) {

        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException(
                        "the window's start (" + from + ") must be before its end (" + to + ")");
            }
        }

        boolean holds(long timestamp) {
            return timestamp >= from.toEpochMilli() && timestamp < to.toEpochMilli();
        }

        boolean selects(RawWebhookEvent event) {
            return (hookId == null || hookId.equals(event.getHookId()))
                    && (appId == null || appId.equals(event.getAppId()));
        }
    }

    /**
     * How far a run has come.
     *
     * @param total the records between the window's first and last offsets, what a scan reads
     * @param scanned the records read so far
     * @param matched those in the window that are events of the chosen hook or app
     * @param replayed those the cluster acknowledged on the replay topic
     * @param unreadable records in the window that are not raw events at all
     */
    public record Counts(long total, long scanned, long matched, long replayed, long unreadable) {}

    /**
     * @param failure the send that stopped the replay early; replaying the same window again is
     *     safe for bundle consumers, since replayed events keep their ids
     */
    public record Result(Counts counts, boolean dryRun, @Nullable Exception failure) {

        /** Every matched event was replayed (or counted, in a dry run). */
        public boolean complete() {
            return failure == null && (dryRun || counts.matched() == counts.replayed());
        }
    }

    private final String bootstrapServers;
    private final String rawTopic;
    private final String replayTopic;
    private final String clientId;
    private final Deserializer<RawWebhookEvent> events =
            AvroSerde.of(RawWebhookEvent.class).deserializer();

    public WindowReplay(
            String bootstrapServers, String rawTopic, String replayTopic, String clientId) {
        this.bootstrapServers = bootstrapServers;
        this.rawTopic = rawTopic;
        this.replayTopic = replayTopic;
        this.clientId = clientId;
    }

    public String rawTopic() {
        return rawTopic;
    }

    public String replayTopic() {
        return replayTopic;
    }

    /**
     * Counts the window's events and, unless {@code dryRun}, replays them.
     *
     * @param progress told the counts after every record read; it must be cheap
     * @throws MissingTopicException if the raw topic, or (unless a dry run) the replay topic, does
     *     not exist
     * @throws org.apache.kafka.common.KafkaException if the cluster cannot be read
     */
    public Result run(Window window, boolean dryRun, Consumer<Counts> progress) {
        try (TopicScan scan = new TopicScan(bootstrapServers, clientId)) {
            List<TopicPartition> partitions = scan.partitions(rawTopic);
            if (partitions.isEmpty()) {
                throw new MissingTopicException(
                        rawTopic,
                        "Topic " + rawTopic + " does not exist at " + bootstrapServers + ".");
            }
            if (!dryRun && scan.partitions(replayTopic).isEmpty()) {
                throw new MissingTopicException(
                        replayTopic,
                        "Topic "
                                + replayTopic
                                + " does not exist at "
                                + bootstrapServers
                                + "; the router creates it when it starts.");
            }
            Map<TopicPartition, Long> latest = scan.endOffsets(partitions);
            Map<TopicPartition, Long> starts =
                    scan.offsetsAtOrAfter(partitions, window.from().toEpochMilli(), latest);
            Map<TopicPartition, Long> ends =
                    new HashMap<>(
                            scan.offsetsAtOrAfter(partitions, window.to().toEpochMilli(), latest));
            ends.replaceAll((partition, end) -> Math.min(end, Offsets.of(latest, partition)));
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += Math.max(0, Offsets.of(ends, partition) - Offsets.of(starts, partition));
            }
            if (dryRun) {
                Counts counted = scanAll(scan, window, starts, ends, total, progress, null);
                progress.accept(counted);
                return new Result(counted, true, null);
            }
            try (ReplayPublisher publisher =
                    new ReplayPublisher(bootstrapServers, replayTopic, clientId)) {
                Counts counted = scanAll(scan, window, starts, ends, total, progress, publisher);
                publisher.flush();
                Counts done =
                        new Counts(
                                total,
                                counted.scanned(),
                                counted.matched(),
                                publisher.acknowledged(),
                                counted.unreadable());
                progress.accept(done);
                return new Result(done, false, publisher.failure());
            }
        }
    }

    /**
     * Scans the window; with a publisher, replays each match, and stops at the first failed send.
     */
    private Counts scanAll(
            TopicScan scan,
            Window window,
            Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends,
            long total,
            Consumer<Counts> progress,
            @Nullable ReplayPublisher publisher) {
        long[] counts = new long[3];
        scan.scan(
                starts,
                ends,
                record -> {
                    counts[0]++;
                    if (window.holds(record.timestamp())) {
                        RawWebhookEvent event = read(record);
                        if (event == null) {
                            counts[2]++;
                        } else if (window.selects(event)) {
                            counts[1]++;
                            if (publisher != null) {
                                publisher.send(
                                        record.key(),
                                        record.value(),
                                        record.headers(),
                                        ReplayPublisher.REPLAY_OF,
                                        ReplayPublisher.coordinates(
                                                record.topic(),
                                                record.partition(),
                                                record.offset()));
                            }
                        }
                    }
                    progress.accept(
                            new Counts(
                                    total,
                                    counts[0],
                                    counts[1],
                                    publisher == null ? 0 : publisher.acknowledged(),
                                    counts[2]));
                    return publisher == null || publisher.failure() == null;
                });
        return new Counts(total, counts[0], counts[1], 0, counts[2]);
    }

    private @Nullable RawWebhookEvent read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return events.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
