package io.hookstream.cli.dlq;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hookstream dlq}: the dead-letter topic's commands. */
@Command(
        name = "dlq",
        description =
                "Inspect dead letters (events the router could not process) and redrive them after a fix.",
        subcommands = {DlqListCommand.class, DlqRedriveCommand.class})
public final class DlqCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    /** Without a subcommand there is nothing to do but explain them; that is a usage error. */
    @Override
    public Integer call() {
        if (spec == null) {
            throw new IllegalStateException(
                    "DlqCommand runs only through picocli, which injects its spec");
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
