package io.hookstream.cli.activity;

import io.hookstream.cli.ControlPlaneConnection;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hookstream requests}: a hook's request log, refusals with their reasons. */
@Command(
        name = "requests",
        description = {
            "Print the requests a hook's senders made that did not become events (refused, handshakes, limits,"
                    + " errors), newest first, as JSON lines: receivedAt, method, path, status, outcome, reason,"
                    + " headers (secrets masked), bodyPreview."
        })
public final class RequestsCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Mixin HookSelection hook = new HookSelection();

    @Mixin ControlPlaneConnection control = new ControlPlaneConnection();

    @Override
    public Integer call() throws Exception {
        if (spec == null) {
            throw new IllegalStateException("runs only through picocli, which injects its spec");
        }
        return new ActivityClient(control)
                .list(
                        hook.path() + "/requests?limit=" + hook.limit,
                        "requests",
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
    }
}
