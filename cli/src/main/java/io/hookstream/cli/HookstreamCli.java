package io.hookstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hookstream} command: operations on a running Hookstream and its topics. */
@Command(
        name = "hookstream",
        mixinStandardHelpOptions = true,
        version = "hookstream 0.1.0",
        description =
                "Operate Hookstream: tail trigger topics, replay raw events, list and redrive dead letters, read a hook's requests and events, import Make Apps SDK projects, check IML conformance.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.hookstream.cli.conformance.ConformanceCommand.class,
            io.hookstream.cli.tail.TailCommand.class,
            io.hookstream.cli.replay.ReplayCommand.class,
            io.hookstream.cli.dlq.DlqCommand.class,
            io.hookstream.cli.activity.RequestsCommand.class,
            io.hookstream.cli.activity.EventsCommand.class,
            io.hookstream.cli.apps.AppsCommand.class,
        })
public final class HookstreamCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HookstreamCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
