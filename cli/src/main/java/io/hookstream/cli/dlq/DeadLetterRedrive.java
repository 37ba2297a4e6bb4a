package io.hookstream.cli.dlq;

import io.hookstream.cli.replay.ReplayPublisher;
import io.hookstream.cli.replay.TopicScan;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Re-injects the raw events of dead letters into the replay topic, each dead letter at most once.
 *
 * <p>What has been redriven is read from the replay topic itself: every redriven event carries the
 * header {@link ReplayPublisher#REDRIVE_OF} with its dead letter's {@code topic:partition:offset},
 * and a dead letter named there is skipped. So the record that does the redrive is also the record
 * of it: a redrive that stopped half-way (a crash, a lost broker) can simply be run again, filters
 * such as {@code --hook} leave the other dead letters pending, and no consumer-group offset can
 * disagree with what was actually published. An event that fails again becomes a new dead letter (a
 * new offset), which a later redrive, after the next fix, picks up.
 *
 * <p>Only the part of the replay topic written since the oldest pending dead letter is read: a dead
 * letter is redriven after it was written, and its record time is at most its write time (the
 * router keeps the raw event's time). The margin covers clocks of other machines that ran a
 * redrive. Two redrives must not run at the same time; neither would see the other's records.
 */
final class DeadLetterRedrive {

    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);
    private static final String CLIENT_ID = "hookstream-dlq-redrive";

    /**
     * @param hookId only dead letters of this hook; {@code null} for all
     */
    record Options(
            String bootstrapServers,
            String dlqTopic,
            String replayTopic,
            @Nullable String hookId,
            boolean dryRun) {}

    record Counts(long deadLetters, long matched, long alreadyRedriven, long redriven) {

        String summary(boolean dryRun) {
            String counts =
                    "dead letters "
                            + deadLetters
                            + ", matched "
                            + matched
                            + ", already redriven "
                            + alreadyRedriven;
            return dryRun
                    ? counts
                            + ", to redrive "
                            + (matched - alreadyRedriven)
                            + " (dry run: nothing redriven)"
                    : counts + ", redriven " + redriven;
        }
    }

    private final Options options;
    private final Deserializer<DeadLetter> letters = AvroSerde.of(DeadLetter.class).deserializer();
    private final Serializer<RawWebhookEvent> events =
            AvroSerde.of(RawWebhookEvent.class).serializer();

    DeadLetterRedrive(Options options) {
        this.options = options;
    }

    /**
     * @return the exit code: 0 when every pending dead letter was redriven (or counted, in a dry
     *     run), 1 otherwise
     */
    int run(PrintWriter out, PrintWriter err) {
        try (TopicScan scan = new TopicScan(options.bootstrapServers(), CLIENT_ID)) {
            List<TopicPartition> dlq = scan.partitions(options.dlqTopic());
            if (dlq.isEmpty()) {
                return fail(
                        err,
                        "Topic "
                                + options.dlqTopic()
                                + " does not exist at "
                                + options.bootstrapServers()
                                + ".");
            }
            List<TopicPartition> replay = scan.partitions(options.replayTopic());
            if (replay.isEmpty()) {
                return fail(
                        err,
                        "Topic "
                                + options.replayTopic()
                                + " does not exist at "
                                + options.bootstrapServers()
                                + "; the router creates it when it starts.");
            }
            Map<TopicPartition, Long> dlqEnds = scan.endOffsets(dlq);
            Pending pending = pending(scan, scan.beginningOffsets(dlq), dlqEnds, err);
            Set<String> redriven =
                    pending.matched().isEmpty() ? Set.of() : alreadyRedriven(scan, replay, pending);
            long toRedrive = pending.matched().size() - redriven.size();
            if (options.dryRun() || toRedrive == 0) {
                return finish(
                        out,
                        err,
                        new Counts(pending.total(), pending.matched().size(), redriven.size(), 0),
                        null);
            }
            try (ReplayPublisher publisher =
                    new ReplayPublisher(
                            options.bootstrapServers(), options.replayTopic(), CLIENT_ID)) {
                redrive(scan, pending, redriven, publisher, err);
                publisher.flush();
                return finish(
                        out,
                        err,
                        new Counts(
                                pending.total(),
                                pending.matched().size(),
                                redriven.size(),
                                publisher.acknowledged()),
                        publisher.failure());
            }
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
                    "Cannot redrive from "
                            + options.dlqTopic()
                            + " at "
                            + options.bootstrapServers()
                            + ": "
                            + e.getMessage());
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
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            PrintWriter err) {
        long[] total = {0};
        long[] oldest = {Long.MAX_VALUE};
        Set<String> matched = new HashSet<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, Long> afterLast = new HashMap<>();
        scan.scan(
                from,
                to,
                record -> {
                    DeadLetter letter = DeadLetters.read(letters, record, err);
                    if (letter != null) {
                        total[0]++;
                        if (matches(letter)) {
                            TopicPartition partition =
                                    new TopicPartition(record.topic(), record.partition());
                            matched.add(
                                    ReplayPublisher.coordinates(
                                            record.topic(), record.partition(), record.offset()));
                            first.putIfAbsent(partition, record.offset());
                            afterLast.put(partition, record.offset() + 1);
                            oldest[0] = Math.min(oldest[0], record.timestamp());
                        }
                    }
                    return true;
                });
        return new Pending(total[0], matched, first, afterLast, oldest[0]);
    }

    /** The pending dead letters that a record of the replay topic names as redriven already. */
    private Set<String> alreadyRedriven(
            TopicScan scan, List<TopicPartition> replay, Pending pending) {
        Map<TopicPartition, Long> ends = scan.endOffsets(replay);
        long since = Math.max(0, pending.oldestTimestamp() - CLOCK_MARGIN.toMillis());
        Set<String> found = new HashSet<>();
        scan.scan(
                scan.offsetsAtOrAfter(replay, since, ends),
                ends,
                record -> {
                    for (Header header : record.headers().headers(ReplayPublisher.REDRIVE_OF)) {
                        String source = new String(header.value(), StandardCharsets.UTF_8);
                        if (pending.matched().contains(source)) {
                            found.add(source);
                        }
                    }
                    return true;
                });
        return found;
    }

    private void redrive(
            TopicScan scan,
            Pending pending,
            Set<String> redriven,
            ReplayPublisher publisher,
            PrintWriter err) {
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
                    DeadLetter letter = DeadLetters.read(letters, record, err);
                    if (letter == null) {
                        return true;
                    }
                    RawWebhookEvent event = letter.getEvent();
                    // keyed as the ingress keys it, so that the router joins it with its hook on
                    // the same partition
                    String key = event.getHookId() != null ? event.getHookId() : event.getAppId();
                    publisher.send(
                            key.getBytes(StandardCharsets.UTF_8),
                            events.serialize(options.replayTopic(), event),
                            new RecordHeaders(),
                            ReplayPublisher.REDRIVE_OF,
                            source);
                    return publisher.failure() == null;
                });
    }

    private boolean matches(DeadLetter letter) {
        return options.hookId() == null || options.hookId().equals(letter.getHookId());
    }

    private int finish(
            PrintWriter out, PrintWriter err, Counts counts, @Nullable Exception failure) {
        out.println(counts.summary(options.dryRun()));
        out.flush();
        if (failure != null) {
            err.println(
                    "Redrive stopped after "
                            + counts.redriven()
                            + " events: "
                            + failure.getMessage());
            err.println("Running it again redrives only what is still pending.");
            err.flush();
            return 1;
        }
        err.flush();
        return options.dryRun() || counts.redriven() == counts.matched() - counts.alreadyRedriven()
                ? 0
                : 1;
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
