package io.hookstream.cli.replay;

import io.hookstream.operations.replay.WindowReplay;
import io.hookstream.operations.scan.MissingTopicException;
import java.io.PrintWriter;
import java.time.Instant;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's side of a window replay ({@link WindowReplay}, shared with the control plane's replay
 * API): progress on stderr, the summary on stdout, and an exit code.
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

    private final Options options;

    RawReplay(Options options) {
        this.options = options;
    }

    /**
     * @return the exit code: 0 when every matched event was replayed (or counted, in a dry run), 1
     *     otherwise
     */
    int run(PrintWriter out, PrintWriter err, Progress progress) {
        WindowReplay replay =
                new WindowReplay(
                        options.bootstrapServers(),
                        options.rawTopic(),
                        options.replayTopic(),
                        "hookstream-replay");
        WindowReplay.Result result;
        try {
            result =
                    replay.run(
                            new WindowReplay.Window(
                                    options.from(),
                                    options.to(),
                                    options.hookId(),
                                    options.appId()),
                            options.dryRun(),
                            c ->
                                    progress.update(
                                            c.scanned(), c.total(), c.matched(), c.replayed()));
        } catch (MissingTopicException e) {
            return fail(err, String.valueOf(e.getMessage()));
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
        return finish(out, err, progress, result);
    }

    private static String summary(WindowReplay.Counts counts, boolean dryRun) {
        String scanned = "scanned " + counts.scanned() + ", matched " + counts.matched();
        String unread = counts.unreadable() == 0 ? "" : ", unreadable " + counts.unreadable();
        return dryRun
                ? scanned + unread + " (dry run: nothing replayed)"
                : scanned + ", replayed " + counts.replayed() + unread;
    }

    private int finish(
            PrintWriter out, PrintWriter err, Progress progress, WindowReplay.Result result) {
        WindowReplay.Counts counts = result.counts();
        progress.finish(counts.scanned(), counts.total(), counts.matched(), counts.replayed());
        out.println(summary(counts, result.dryRun()));
        out.flush();
        if (counts.unreadable() > 0) {
            err.println(
                    counts.unreadable()
                            + " records in the window are not raw webhook events and were skipped.");
        }
        Exception failure = result.failure();
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
        return result.complete() ? 0 : 1;
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
