package io.hookstream.cli.activity;

import io.hookstream.cli.ControlPlaneConnection;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hookstream events}: what became of a hook's events, or both its logs live. */
@Command(
        name = "events",
        description = {
            "Print the outcomes of a hook's events, newest first, as JSON lines: eventId, receivedAt, outcome"
                    + " (delivered, filtered, dead_letter, ...), bundleIds, triggerTopic, error.",
            "With --follow, print its requests and outcomes as they happen instead, until interrupted."
        })
public final class EventsCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Mixin HookSelection hook = new HookSelection();

    @Option(names = "--follow", description = "Follow the hook's requests and outcomes live.")
    boolean follow;

    @Mixin ControlPlaneConnection control = new ControlPlaneConnection();

    @Override
    public Integer call() throws Exception {
        if (spec == null) {
            throw new IllegalStateException("runs only through picocli, which injects its spec");
        }
        ActivityClient client = new ActivityClient(control);
        return follow
                ? client.follow(
                        hook.path() + "/events/stream",
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                : client.list(
                        hook.path() + "/events?limit=" + hook.limit,
                        "events",
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
    }
}
