package io.hookstream.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of every command that asks the control plane's API. */
public final class ControlPlaneConnection {

    @Option(
            names = "--control-url",
            paramLabel = "URL",
            defaultValue = "http://localhost:8081",
            description = "The control plane (default: ${DEFAULT-VALUE}).")
    public String controlUrl = "http://localhost:8081";

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description =
                    "The API token (default: the environment variable HOOKSTREAM_CONTROL_API_TOKEN).")
    public @Nullable String token;

    /** The token given, or the one in the environment; null when neither is set. */
    public @Nullable String token() {
        return token != null ? token : System.getenv("HOOKSTREAM_CONTROL_API_TOKEN");
    }
}
