package io.hookstream.cli.replay;

import io.hookstream.operations.replay.ReplayPublisher;
import io.hookstream.operations.scan.Offsets;
import io.hookstream.operations.scan.TopicScan;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Copies the raw events of a time window to the replay topic. The window is found per partition
 * with the broker's time index ({@code offsetsForTimes}); each record in it is checked against the
 * window again, because record timestamps are set by the ingress's producer and need not grow
 * strictly with offsets. Records keep their key, value bytes and headers; the end of the scan is
 * fixed when it starts, so events arriving meanwhile are not chased.
 */
final class RawReplay {

    /**
     * @param from inclusive
     * @param to exclusive
     * @param hookId only events of this hook; {@code null} for any
     * @param appId only events of this app; {@code null} for any
     */
    record Options(
            String bootstrapServers,
            String rawTopic,
            String replayTopic,
            Instant from,
            Instant to,
            @Nullable String hookId,
            @Nullable String appId,
            boolean dryRun) {

        Options {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
        }
    }

    /**
     * What a run did; {@code unreadable} counts records in the window that are not raw events at
     * all.
     */
    record Counts(long scanned, long matched, long replayed, long unreadable) {

        String summary(boolean dryRun) {
            String counts = "scanned " + scanned + ", matched " + matched;
            String unread = unreadable == 0 ? "" : ", unreadable " + unreadable;
            return dryRun
                    ? counts + unread + " (dry run: nothing replayed)"
                    : counts + ", replayed " + replayed + unread;
        }
    }

    private final Options options;
    private final Deserializer<RawWebhookEvent> events =
            AvroSerde.of(RawWebhookEvent.class).deserializer();

    RawReplay(Options options) {
        this.options = options;
    }

    /**
     * @return the exit code: 0 when every matched event was replayed (or counted, in a dry run), 1
     *     otherwise
     */
    int run(PrintWriter out, PrintWriter err, Progress progress) {
        try (TopicScan scan = new TopicScan(options.bootstrapServers(), "hookstream-replay")) {
            List<TopicPartition> partitions = scan.partitions(options.rawTopic());
            if (partitions.isEmpty()) {
                return fail(
                        err,
                        "Topic "
                                + options.rawTopic()
                                + " does not exist at "
                                + options.bootstrapServers()
                                + ".");
            }
            if (!options.dryRun() && scan.partitions(options.replayTopic()).isEmpty()) {
                return fail(
                        err,
                        "Topic "
                                + options.replayTopic()
                                + " does not exist at "
                                + options.bootstrapServers()
                                + "; the router creates it when it starts.");
            }
            Map<TopicPartition, Long> latest = scan.endOffsets(partitions);
            Map<TopicPartition, Long> starts =
                    scan.offsetsAtOrAfter(partitions, options.from().toEpochMilli(), latest);
            Map<TopicPartition, Long> ends =
                    new HashMap<>(
                            scan.offsetsAtOrAfter(partitions, options.to().toEpochMilli(), latest));
            ends.replaceAll((partition, end) -> Math.min(end, Offsets.of(latest, partition)));
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += Math.max(0, Offsets.of(ends, partition) - Offsets.of(starts, partition));
            }
            return options.dryRun()
                    ? finish(
                            out,
                            err,
                            progress,
                            total,
                            scanAll(scan, starts, ends, total, progress, null),
                            null)
                    : replay(scan, starts, ends, total, out, err, progress);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return fail(
                    err,
                    "Kafka at "
                            + options.bootstrapServers()
                            + " did not answer: "
                            + e.getMessage());
        } catch (KafkaException e) {
            return fail(
                    err,
                    "Cannot replay from "
                            + options.rawTopic()
                            + " at "
                            + options.bootstrapServers()
                            + ": "
                            + e.getMessage());
        }
    }

    private int replay(
            TopicScan scan,
            Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends,
            long total,
            PrintWriter out,
            PrintWriter err,
            Progress progress) {
        try (ReplayPublisher publisher =
                new ReplayPublisher(
                        options.bootstrapServers(), options.replayTopic(), "hookstream-replay")) {
            Counts counts = scanAll(scan, starts, ends, total, progress, publisher);
            publisher.flush();
            Counts done =
                    new Counts(
                            counts.scanned(),
                            counts.matched(),
                            publisher.acknowledged(),
                            counts.unreadable());
            return finish(out, err, progress, total, done, publisher.failure());
        }
    }

    /**
     * Scans the window; with a publisher, replays each match, and stops at the first failed send.
     */
    private Counts scanAll(
            TopicScan scan,
            Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends,
            long total,
            Progress progress,
            @Nullable ReplayPublisher publisher) {
        long[] counts = new long[3];
        long from = options.from().toEpochMilli();
        long to = options.to().toEpochMilli();
        scan.scan(
                starts,
                ends,
                record -> {
                    counts[0]++;
                    if (record.timestamp() >= from && record.timestamp() < to) {
                        RawWebhookEvent event = read(record);
                        if (event == null) {
                            counts[2]++;
                        } else if (matches(event)) {
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
                    progress.update(
                            counts[0],
                            total,
                            counts[1],
                            publisher == null ? 0 : publisher.acknowledged());
                    return publisher == null || publisher.failure() == null;
                });
        return new Counts(counts[0], counts[1], 0, counts[2]);
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

    private boolean matches(RawWebhookEvent event) {
        return (options.hookId() == null || options.hookId().equals(event.getHookId()))
                && (options.appId() == null || options.appId().equals(event.getAppId()));
    }

    private int finish(
            PrintWriter out,
            PrintWriter err,
            Progress progress,
            long total,
            Counts counts,
            @Nullable Exception failure) {
        progress.finish(counts.scanned(), total, counts.matched(), counts.replayed());
        out.println(counts.summary(options.dryRun()));
        out.flush();
        if (counts.unreadable() > 0) {
            err.println(
                    counts.unreadable()
                            + " records in the window are not raw webhook events and were skipped.");
        }
        if (failure != null) {
            err.println(
                    "Replay stopped: "
                            + counts.replayed()
                            + " of "
                            + counts.matched()
                            + " matched events reached "
                            + options.replayTopic()
                            + " before a send failed: "
                            + failure.getMessage());
            err.println(
                    "Running the same replay again is safe for bundle consumers: replayed events keep their ids.");
            err.flush();
            return 1;
        }
        err.flush();
        return options.dryRun() || counts.matched() == counts.replayed() ? 0 : 1;
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
