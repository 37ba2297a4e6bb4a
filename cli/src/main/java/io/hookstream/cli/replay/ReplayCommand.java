package io.hookstream.cli.replay;

import io.hookstream.cli.KafkaConnection;
import io.hookstream.schemas.topic.TopicNames;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hookstream replay}: re-injects the raw events of a time window so that the router
 * processes them again.
 */
@Command(
        name = "replay",
        description = {
            "Re-publish the raw webhook events received between --from and --to (by Kafka record time) to the replay"
                    + " topic, which the router processes exactly like new events.",
            "Each event keeps its key and bytes, so its bundles get the same ids (<eventId>:<index>:<hookId>) as the"
                    + " first time: consumers that deduplicate by bundle id are safe, and running a replay twice only"
                    + " produces duplicates they drop.",
            "Shows progress on stderr and prints 'scanned N, matched M, replayed R' on stdout."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    /** Whether stderr is a terminal; tests replace it to see either rendering. */
    BooleanSupplier stderrIsTerminal = Terminals::stderrIsTerminal;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            converter = TimeConverter.class,
            description =
                    "Start of the window, inclusive: 2026-03-01T12:00:00Z, 2026-03-01T14:00:00+02:00,"
                            + " 2026-03-01 (UTC midnight), now-2h.")
    @Nullable Instant from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            converter = TimeConverter.class,
            description = "End of the window, exclusive (default: now).")
    @Nullable Instant to;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    @Nullable Scope scope;

    /** At most one of the two filters: an event belongs to one hook, and every hook to one app. */
    static final class Scope {

        @Option(names = "--hook", paramLabel = "HOOK_ID", description = "Only events of this hook.")
        @Nullable String hookId;

        @Option(
                names = "--app",
                paramLabel = "APP_ID",
                description = "Only events of this app (every webhook and hook).")
        @Nullable String appId;
    }

    @Option(names = "--dry-run", description = "Count what would be replayed; publish nothing.")
    boolean dryRun;

    @Mixin KafkaConnection kafka = new KafkaConnection();

    @Option(
            names = "--raw-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.DEFAULT_PREFIX + "events.raw",
            description = "Where the ingress publishes (default: ${DEFAULT-VALUE}).")
    String rawTopic = TopicNames.DEFAULT_PREFIX + "events.raw";

    @Option(
            names = "--replay-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.DEFAULT_PREFIX + "events.replay",
            description = "What the router reads replayed events from (default: ${DEFAULT-VALUE}).")
    String replayTopic = TopicNames.DEFAULT_PREFIX + "events.replay";

    @Override
    public Integer call() {
        CommandSpec command = requireSpec();
        Instant start = java.util.Objects.requireNonNull(from, "--from is required");
        Instant end = to != null ? to : Instant.now();
        if (!start.isBefore(end)) {
            throw new ParameterException(
                    command.commandLine(),
                    "--from (" + start + ") must be before --to (" + end + ")");
        }
        for (String topic : new String[] {rawTopic, replayTopic}) {
            if (!TopicNames.isLegal(topic)) {
                throw new ParameterException(
                        command.commandLine(), "not a legal topic name: " + topic);
            }
        }
        String hookId = scope == null ? null : blankToError(command, "--hook", scope.hookId);
        String appId = scope == null ? null : blankToError(command, "--app", scope.appId);
        RawReplay.Options options =
                new RawReplay.Options(
                        kafka.bootstrapServers,
                        rawTopic,
                        replayTopic,
                        start,
                        end,
                        hookId,
                        appId,
                        dryRun);
        var err = command.commandLine().getErr();
        return new RawReplay(options)
                .run(
                        command.commandLine().getOut(),
                        err,
                        Progress.to(err, stderrIsTerminal.getAsBoolean()));
    }

    private static @Nullable String blankToError(
            CommandSpec command, String option, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(command.commandLine(), option + " must not be blank");
        }
        return value;
    }

    private CommandSpec requireSpec() {
        if (spec == null) {
            throw new IllegalStateException(
                    "ReplayCommand runs only through picocli, which injects its spec");
        }
        return spec;
    }
}
