package io.hookstream.cli.dlq;

import io.hookstream.cli.KafkaConnection;
import io.hookstream.operations.deadletters.DeadLetterFilter;
import io.hookstream.operations.deadletters.DeadLetterRedrive;
import io.hookstream.operations.deadletters.DeadLetterTopics;
import io.hookstream.operations.scan.MissingTopicException;
import io.hookstream.schemas.topic.TopicNames;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hookstream dlq redrive}: re-injects the events of dead letters, once each, after a fix.
 */
@Command(
        name = "redrive",
        description = {
            "Re-publish the raw events of dead letters to the replay topic, so that the router processes them again"
                    + " (after the app's spec has been fixed, they now succeed).",
            "Each dead letter is redriven at most once: every redriven event names its dead letter in the header"
                    + " hookstream.redrive-of, and dead letters named in the replay topic are skipped. An interrupted"
                    + " redrive can be run again; an event that fails again becomes a new dead letter.",
            "Do not run two redrives at the same time. Prints 'dead letters N, matched M, already redriven K,"
                    + " redriven R'."
        })
public final class DlqRedriveCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--hook",
            paramLabel = "HOOK_ID",
            description = "Only dead letters of this hook; the others stay pending.")
    @Nullable String hookId;

    @Option(names = "--dry-run", description = "Count what would be redriven; publish nothing.")
    boolean dryRun;

    @Mixin KafkaConnection kafka = new KafkaConnection();

    @Option(
            names = "--dlq-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.DEFAULT_PREFIX + "events.dlq",
            description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
    String dlqTopic = TopicNames.DEFAULT_PREFIX + "events.dlq";

    @Option(
            names = "--replay-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.DEFAULT_PREFIX + "events.replay",
            description = "What the router reads redriven events from (default: ${DEFAULT-VALUE}).")
    String replayTopic = TopicNames.DEFAULT_PREFIX + "events.replay";

    @Override
    public Integer call() {
        if (spec == null) {
            throw new IllegalStateException(
                    "DlqRedriveCommand runs only through picocli, which injects its spec");
        }
        for (String topic : new String[] {dlqTopic, replayTopic}) {
            if (!TopicNames.isLegal(topic)) {
                throw new ParameterException(
                        spec.commandLine(), "not a legal topic name: " + topic);
            }
        }
        if (hookId != null && hookId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--hook must not be blank");
        }
        return redrive(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * @return 0 when every pending dead letter was redriven (or counted, in a dry run), 1 otherwise
     */
    private int redrive(PrintWriter out, PrintWriter err) {
        DeadLetterRedrive redrive =
                new DeadLetterRedrive(
                        new DeadLetterTopics(kafka.bootstrapServers, dlqTopic, replayTopic),
                        "hookstream-dlq-redrive",
                        err::println);
        try {
            DeadLetterRedrive.Result result =
                    redrive.run(DeadLetterFilter.ofHook(hookId), dryRun, counts -> {});
            out.println(summary(result));
            out.flush();
            Exception failure = result.failure();
            if (failure != null) {
                err.println(
                        "Redrive stopped after "
                                + result.counts().redriven()
                                + " events: "
                                + failure.getMessage());
                err.println("Running it again redrives only what is still pending.");
            }
            err.flush();
            return result.complete() ? 0 : 1;
        } catch (MissingTopicException e) {
            return fail(err, String.valueOf(e.getMessage()));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return fail(
                    err,
                    "Kafka at " + kafka.bootstrapServers + " did not answer: " + e.getMessage());
        } catch (KafkaException e) {
            return fail(
                    err,
                    "Cannot redrive from "
                            + dlqTopic
                            + " at "
                            + kafka.bootstrapServers
                            + ": "
                            + e.getMessage());
        }
    }

    private static String summary(DeadLetterRedrive.Result result) {
        DeadLetterRedrive.Counts counts = result.counts();
        String counted =
                "dead letters "
                        + counts.deadLetters()
                        + ", matched "
                        + counts.matched()
                        + ", already redriven "
                        + counts.alreadyRedriven();
        return result.dryRun()
                ? counted + ", to redrive " + counts.toRedrive() + " (dry run: nothing redriven)"
                : counted + ", redriven " + counts.redriven();
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
