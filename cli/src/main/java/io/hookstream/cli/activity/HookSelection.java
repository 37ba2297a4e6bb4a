package io.hookstream.cli.activity;

import picocli.CommandLine.Option;

/** Which hook's activity a command reads, and how much of it. */
public final class HookSelection {

    @Option(names = "--hook", required = true, paramLabel = "HOOK_ID", description = "The hook.")
    String hookId = "";

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "100",
            description = "At most N entries (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    /** The hook's path under the control plane's API. */
    String path() {
        return "/api/hooks/" + ActivityClient.encode(hookId);
    }
}
