package io.hookstream.cli.apps;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookstream apps}: the apps a control plane knows. */
@Command(
        name = "apps",
        mixinStandardHelpOptions = true,
        description = "Manage the apps of the control plane.",
        subcommands = {CommandLine.HelpCommand.class, AppsImportCommand.class})
public final class AppsCommand implements Runnable {

    @Spec @Nullable CommandSpec spec;

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
