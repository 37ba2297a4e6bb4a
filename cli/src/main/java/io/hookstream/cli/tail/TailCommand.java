package io.hookstream.cli.tail;

import io.hookstream.cli.KafkaConnection;
import io.hookstream.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hookstream tail}: prints a user's trigger bundles as JSON lines. */
@Command(
        name = "tail",
        description = {
            "Print a user's trigger bundles as JSON lines, one compact object per bundle.",
            "Only bundles of committed router transactions are shown. Runs until interrupted unless --max or"
                    + " --timeout says when to stop."
        })
public final class TailCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--user",
            required = true,
            paramLabel = "USER",
            description = "The user whose bundles to print.")
    String user = "";

    @Mixin KafkaConnection kafka = new KafkaConnection();

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = TopicNames.DEFAULT_PREFIX + "triggers.",
            description =
                    "Per-user trigger topics are PREFIX followed by the user id (default: ${DEFAULT-VALUE}).")
    String topicPrefix = TopicNames.DEFAULT_PREFIX + "triggers.";

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description =
                    "Read this shared trigger topic, keyed by user id, instead of the user's own topic;"
                            + " only USER's bundles are printed.")
    @Nullable String sharedTopic;

    @Option(
            names = "--from-beginning",
            description = "Start at the oldest bundle instead of waiting for new ones.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N bundles.")
    @Nullable Long max;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Stop once no bundle has arrived for this long, e.g. 500ms, 30s, 5m, PT1M.")
    @Nullable Duration quietPeriod;

    @Override
    public Integer call() {
        CommandSpec command = requireSpec();
        if (max != null && max <= 0) {
            throw new ParameterException(command.commandLine(), "--max must be positive: " + max);
        }
        if (user.isBlank()) {
            throw new ParameterException(command.commandLine(), "--user must not be blank");
        }
        String topicName = sharedTopic != null ? sharedTopic : topicPrefix + user;
        if (!TopicNames.isLegal(topicName)) {
            throw new ParameterException(
                    command.commandLine(),
                    sharedTopic != null
                            ? "not a legal topic name: " + topicName
                            : "user id "
                                    + user
                                    + " with prefix "
                                    + topicPrefix
                                    + " is not a legal topic name: "
                                    + topicName);
        }
        TriggerTail.Options options =
                new TriggerTail.Options(
                        kafka.bootstrapServers,
                        topicName,
                        sharedTopic != null ? user : null,
                        fromBeginning,
                        max == null ? 0 : max,
                        quietPeriod);
        return new TriggerTail(options)
                .run(command.commandLine().getOut(), command.commandLine().getErr());
    }

    private CommandSpec requireSpec() {
        if (spec == null) {
            throw new IllegalStateException(
                    "TailCommand runs only through picocli, which injects its spec");
        }
        return spec;
    }
}
